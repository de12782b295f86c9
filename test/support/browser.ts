import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Real headless Chromium (Debian's package, driven by playwright-core). The flags keep it
 * off the network this machine does not have; .ci/run installs the package when missing.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const PHONE = { width: 375, height: 740 } as const;

/** Saves a screenshot under test-results/ (kept by CI as evidence of what a person saw). */
export const snap = async (page: Page, name: string): Promise<void> => {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
};
