/**
 * Builds the two browser apps (web/patron → /, web/staff → /staff/) with esbuild: Preact,
 * one minified ES module each plus its HTML and CSS, into web/dist/. `npm start` runs it
 * first; the CDK stack uploads web/dist to S3.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const apps = [
  { name: 'patron', out: 'web/dist' },
  { name: 'staff', out: 'web/dist/staff' },
] as const;

export const buildWeb = async (): Promise<void> => {
  rmSync('web/dist', { recursive: true, force: true });
  for (const app of apps) {
    mkdirSync(app.out, { recursive: true });
    await build({
      entryPoints: [`web/${app.name}/main.tsx`],
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020'],
      jsx: 'automatic',
      jsxImportSource: 'preact',
      outfile: `${app.out}/app.js`,
      logLevel: 'warning',
      legalComments: 'none',
    });
    cpSync(`web/${app.name}/index.html`, `${app.out}/index.html`);
    cpSync('web/shared/base.css', `${app.out}/base.css`);
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
