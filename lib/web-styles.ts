import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = (file: string) => readFileSync(fileURLToPath(new URL(`../web/${file}`, import.meta.url)), 'utf8');

/**
 * The patron app's stylesheet (shared base first). bin/build-web.ts inlines it in the app's
 * index.html, so the static first frame paints with the page itself, without waiting for a
 * render-blocking stylesheet request (issue 12.7: three round trips on a phone).
 */
export const patronStyles = (): string => `${source('shared/base.css')}\n${source('patron/app.css')}`;

/** The CSP source that allows exactly that inline stylesheet (its SHA-256) and no other inline style. */
export const inlineStyleSource = (css: string = patronStyles()): string => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
