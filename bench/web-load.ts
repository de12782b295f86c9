import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '../bin/build-web.js';
import { CHROMIUM, launchBrowser } from '../test/support/browser.js';
import { round, type BenchEnvironment } from './support.js';

/** A throttled phone: Chrome DevTools' "Fast 3G" network and a 4× slower CPU. */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const RUNS = 5;

/**
 * The apps' JavaScript size (gzip) against the 100 KB budget; on a throttled phone profile
 * in Chromium, the time until the first page is usable (first contentful paint: the patron
 * app's static first frame is a working search form) and until each app's own first frame,
 * with an unthrottled load of the same page measured in the same run as baseline.
 */
export const benchWebLoad = async (env: BenchEnvironment) => {
  // Chromium is optional on a developer's machine: the part is reported as skipped, never a crash.
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` };
  await buildWeb();
  const sizeOf = (files: string[]) => ({
    bytes: files.reduce((sum, file) => sum + readFileSync(file).length, 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0),
  });
  // What the first load fetches: app.js and the chunks its index.html modulepreloads (bin/build-web.ts).
  const firstLoad = (dir: string) => [
    ...new Set([`${dir}/app.js`, ...[...readFileSync(`${dir}/index.html`, 'utf8').matchAll(/rel="modulepreload" href="\/([^"]+)"/g)].map((m) => `web/dist/${m[1]}`)]),
  ];
  const sizes = { 'web/dist/app.js': sizeOf(firstLoad('web/dist')), 'web/dist/staff/app.js': sizeOf(firstLoad('web/dist/staff')) };
  const browser = await launchBrowser();
  const measure = async (path: string, throttled: boolean, metric: 'usable' | 'app') => {
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
      // Polled with evaluate: waitForFunction compiles its predicate with eval, which the CSP refuses.
      while (!(await page.evaluate("performance.getEntriesByName('first-render').length > 0"))) await page.waitForTimeout(20);
      // The page's own clock from navigation start: `usable` = first contentful paint, which
      // already holds a working search form (the patron app's static first frame) or the
      // login form; `app` = the app's own first frame (main.tsx marks it).
      const script =
        metric === 'usable'
          ? "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
          : "performance.getEntriesByName('first-render')[0]?.startTime ?? -1";
      times.push((await page.evaluate(script)) as number);
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
        patronThrottledPhone: await measure('/', true, 'usable'),
        patronUnthrottledBaseline: await measure('/', false, 'usable'),
      },
      appFirstFrameMs: {
        patronThrottledPhone: await measure('/', true, 'app'),
        staffThrottledPhone: await measure('/staff/', true, 'app'),
      },
      profile: 'Fast 3G (150 ms RTT, 1.6 Mbps down) + 4x CPU slowdown, 375x740, median of 5 cold loads',
    };
  } finally {
    await browser.close();
  }
};
