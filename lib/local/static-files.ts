import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from '../security-headers.js';

/**
 * Serves the built browser apps (web/dist) on the API's own origin, as CloudFront does in
 * AWS: `/` the patron app, `/staff/` the staff console, each falling back to its
 * index.html for client-side routes, with the same security headers (lib/security-headers.ts).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export const isAppPath = (path: string): boolean => !path.startsWith('/api/') && !path.startsWith('/admin/') && path !== '/api' && path !== '/admin';

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/** How `npm run dev` serves the apps differently (lib/local/dev/live-reload.ts); absent otherwise. */
export interface DevServing {
  /** Answers its own paths (/__dev/…) and returns true; false for any other path. */
  handle(path: string, request: IncomingMessage, response: ServerResponse): boolean;
  /** Each HTML page as sent (adds the reload script: never part of the build). */
  html(page: string): string;
  /** The headers of the current build: the CSP's inline-style hash follows the CSS. */
  securityHeaders(): Readonly<Record<string, string>>;
}

/** Gzips text assets when the browser accepts it, as CloudFront does in AWS. */
export const serveStatic = (root: string, path: string, response: ServerResponse, acceptEncoding = '', dev?: DevServing): boolean => {
  const base = resolve(root);
  if (!existsSync(base)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false; // a malformed escape (`%`, `%C0%AE`) names no file: the API's 404, not a crash (502)
  }
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let file = join(base, safe);
  if (!file.startsWith(base)) return false;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    file = safe.startsWith('/staff') ? join(base, 'staff', 'index.html') : join(base, 'index.html');
  }
  if (!existsSync(file)) return false;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const built = readFileSync(file);
  const body = dev && type.startsWith('text/html') ? Buffer.from(dev.html(built.toString('utf8'))) : built;
  const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(acceptEncoding);
  response.writeHead(200, {
    'content-type': type,
    // In dev every file is asked again on a reload: app.js's name does not change between builds.
    'cache-control': dev || type.startsWith('text/html') ? 'no-cache' : 'public, max-age=300',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...(dev ? dev.securityHeaders() : SECURITY_HEADERS),
  });
  response.end(gzip ? gzipSync(body) : body);
  return true;
};
