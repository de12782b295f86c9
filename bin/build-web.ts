/**
 * Builds the two browser apps (web/patron → /, web/staff → /staff/) with esbuild: Preact,
 * one minified ES module each plus its HTML and CSS, into web/dist/. `npm start` runs it
 * first; the CDK stack uploads web/dist to S3 (`npm run synth` builds it first).
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const dist = 'web/dist';

const apps = [
  { name: 'patron', out: '.' },
  { name: 'staff', out: 'staff' },
] as const;

/**
 * Builds into a fresh directory and then swaps it in, so whoever reads web/dist meanwhile (a
 * local server in e2e tests, a synthesis in the infra tests: vitest runs files in parallel)
 * never finds it missing or half-written.
 */
export const buildWeb = async (): Promise<void> => {
  const staging = mkdtempSync(`${dist}.building-`);
  try {
    chmodSync(staging, 0o755); // mkdtemp's 0700 would become web/dist's mode
    for (const app of apps) {
      const out = path.join(staging, app.out);
      mkdirSync(out, { recursive: true });
      await build({
        entryPoints: [`web/${app.name}/main.tsx`],
        bundle: true,
        minify: true,
        format: 'esm',
        target: ['es2020'],
        jsx: 'automatic',
        jsxImportSource: 'preact',
        outfile: `${out}/app.js`,
        logLevel: 'warning',
        legalComments: 'none',
      });
      cpSync(`web/${app.name}/index.html`, `${out}/index.html`);
      // One stylesheet per app (shared base first): one render-blocking request fewer on a phone.
      const own = existsSync(`web/${app.name}/app.css`) ? readFileSync(`web/${app.name}/app.css`, 'utf8') : '';
      writeFileSync(`${out}/app.css`, `${readFileSync('web/shared/base.css', 'utf8')}\n${own}`);
    }
    swapIn(staging, dist);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};

const codeOf = (error: unknown): unknown => (error as NodeJS.ErrnoException).code;

/** Two renames: web/dist is absent only between them. Retries if a concurrent build swapped in first. */
const swapIn = (fresh: string, target: string): void => {
  const old = `${fresh}.old`;
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(target, old);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error;
    }
    try {
      renameSync(fresh, target);
      break;
    } catch (error) {
      if (attempt >= 5 || !['ENOTEMPTY', 'EEXIST'].includes(codeOf(error) as string)) throw error;
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
