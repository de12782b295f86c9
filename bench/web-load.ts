import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '../bin/build-web.js';
import { launchBrowser } from '../test/support/browser.js';
import { round, type BenchEnvironment } from './support.js';

/** A throttled phone: Chrome DevTools' "Fast 3G" network and a 4× slower CPU. */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const RUNS = 5;

/**
 * The apps' JavaScript size (gzip) against the 100 KB budget, and the time from navigation
 * start to the app's first frame (a User Timing mark set by main.tsx; its form controls are
 * in that frame) on a throttled phone profile in Chromium, with an unthrottled load of the
 * same page measured in the same run as baseline.
 */
export const benchWebLoad = async (env: BenchEnvironment) => {
  await buildWeb();
  const sizes = Object.fromEntries(
    ['web/dist/app.js', 'web/dist/staff/app.js'].map((file) => [file, { bytes: readFileSync(file).length, gzipBytes: gzipSync(readFileSync(file)).length }]),
  );
  const browser = await launchBrowser();
  const measure = async (path: string, throttled: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      if (throttled) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', FAST_3G);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      }
      await page.goto(env.services.api.url + path);
      await page.waitForSelector('input:visible, button:visible');
      // The page's own clock: from navigation start to the app's first frame (main.tsx marks it).
      const mark = (await page.evaluate("performance.getEntriesByName('first-render')[0]?.startTime ?? -1")) as number;
      times.push(mark);
      await context.close();
    }
    times.sort((a, b) => a - b);
    return round(times[Math.floor(times.length / 2)] as number, 0);
  };
  try {
    return {
      budgetGzipBytes: 100 * 1024,
      sizes,
      firstUsableMs: {
        patronThrottledPhone: await measure('/', true),
        patronUnthrottledBaseline: await measure('/', false),
        staffThrottledPhone: await measure('/staff/', true),
      },
      profile: 'Fast 3G (150 ms RTT, 1.6 Mbps down) + 4x CPU slowdown, 375x740, median of 5 cold loads',
    };
  } finally {
    await browser.close();
  }
};
