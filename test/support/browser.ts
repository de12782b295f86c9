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

/**
 * Browser pages that keep the server's clock. The local stack's clock is pinned and moved
 * by the tests (PUT /admin/local/clock); pages opened here get the same time in the browser
 * (Playwright's clock, which then runs on naturally) and follow every move, so what the
 * apps compute in the browser agrees with the server on any real date.
 */
export interface ServerClockBrowser {
  newPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page>;
  /** Moves the server's clock (firing the runs in between) and every open page's with it. */
  setClock(iso: string): Promise<void>;
}

export const onServerClock = (browser: Browser, server: { now(): Date; setClock(iso: string): Promise<{ status: number }> }): ServerClockBrowser => {
  const pages = new Set<Page>();
  return {
    async newPage(options) {
      const page = await browser.newPage(options);
      await page.clock.install({ time: server.now() });
      pages.add(page);
      page.once('close', () => pages.delete(page));
      return page;
    },
    async setClock(iso) {
      const moved = await server.setClock(iso);
      if (moved.status !== 200) throw new Error(`the server clock did not move: ${moved.status}`);
      await Promise.all([...pages].map((page) => page.clock.setSystemTime(server.now())));
    },
  };
};
