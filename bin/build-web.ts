/**
 * Builds the two browser apps (web/patron → /, web/staff → /staff/) with esbuild: Preact,
 * one minified ES module each plus its HTML and CSS, into web/dist/. `npm start` runs it
 * first; the CDK stack uploads web/dist to S3 (`npm run synth` builds it first).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { patronStyles } from '../lib/web-styles.js';

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
      const result = await build({
        entryPoints: { app: `web/${app.name}/main.tsx` },
        bundle: true,
        minify: true,
        format: 'esm',
        target: ['es2020'],
        jsx: 'automatic',
        jsxImportSource: 'preact',
        outdir: out,
        // The patron app's pages other than the search, and its English words, are chunks
        // fetched when needed (web/patron/lazy-page.tsx): a smaller first chunk on a phone.
        splitting: app.name === 'patron',
        chunkNames: 'chunks/[name]-[hash]',
        metafile: true,
        logLevel: 'warning',
        legalComments: 'none',
      });
      let html = withChunkPreloads(readFileSync(`web/${app.name}/index.html`, 'utf8'), result.metafile, out, app.out);
      if (app.name === 'patron') {
        // Inline, allowed by its hash in the CSP (lib/web-styles.ts): no render-blocking request before the first frame.
        const link = '<link rel="stylesheet" href="/app.css">';
        if (!html.includes(link)) throw new Error(`web/patron/index.html has no ${link} to inline`);
        html = html.replace(link, () => `<style>${patronStyles()}</style>`);
      } else {
        // One stylesheet per app (shared base first): one render-blocking request fewer on a phone.
        const own = existsSync(`web/${app.name}/app.css`) ? readFileSync(`web/${app.name}/app.css`, 'utf8') : '';
        writeFileSync(`${out}/app.css`, `${readFileSync('web/shared/base.css', 'utf8')}\n${own}`);
      }
      writeFileSync(`${out}/index.html`, html);
    }
    swapIn(staging, dist);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};

/**
 * The chunks app.js imports statically would be discovered only once app.js has arrived and
 * been parsed, one round trip later: index.html names them beside app.js's own modulepreload.
 */
const withChunkPreloads = (html: string, metafile: Metafile, outDir: string, urlDir: string): string => {
  const entry = Object.entries(metafile.outputs).find(([file]) => path.basename(file) === 'app.js' && path.dirname(file) === outDir);
  const chunks = (entry?.[1].imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => path.relative(outDir, i.path));
  const base = urlDir === '.' ? '/' : `/${urlDir}/`;
  const marker = `<link rel="modulepreload" href="${base}app.js">`;
  if (chunks.length > 0 && !html.includes(marker)) throw new Error(`web index.html has no ${marker} to add the chunks beside`);
  return html.replace(marker, [marker, ...chunks.map((chunk) => `<link rel="modulepreload" href="${base}${chunk}">`)].join('\n'));
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
