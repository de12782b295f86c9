import type { ServerResponse } from 'node:http';
import { securityHeaders } from '../../security-headers.js';
import type { DevServing } from '../static-files.js';

export const RELOAD_SCRIPT_PATH = '/__dev/reload.js';
const EVENTS_PATH = '/__dev/events';

/**
 * Served only by `npm run dev`, never part of web/dist: a file of the apps' own origin, so the
 * CSP (script-src 'self', connect-src 'self') allows it unchanged. The server names its current
 * build on connecting and after each rebuild; a page reloads when the name changes, which
 * also happens when `npm run dev` was restarted (EventSource reconnects by itself).
 */
const RELOAD_SCRIPT = `// npm run dev only (lib/local/dev/live-reload.ts): reloads the page when the web apps were rebuilt.
let shown;
new EventSource('${EVENTS_PATH}').addEventListener('build', (event) => {
  if (shown === undefined) shown = event.data;
  else if (event.data !== shown) location.reload();
});
`;

const RELOAD_TAG = `<script type="module" src="${RELOAD_SCRIPT_PATH}"></script>`;

export interface LiveReload extends DevServing {
  /** The web apps were rebuilt: new headers (the inline style's hash), and every open page reloads. */
  built(): void;
  /** Ends the open event streams (the HTTP server cannot close while they are open). */
  close(): void;
}

export const createLiveReload = (): LiveReload => {
  const started = Date.now().toString(36);
  let builds = 0;
  let headers = securityHeaders();
  const pages = new Set<ServerResponse>();
  const announce = (page: ServerResponse) => page.write(`event: build\ndata: ${started}-${builds}\n\n`);

  return {
    handle(path, request, response) {
      if (path === RELOAD_SCRIPT_PATH) {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }).end(RELOAD_SCRIPT);
        return true;
      }
      if (path === EVENTS_PATH) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        announce(response);
        pages.add(response);
        request.on('close', () => pages.delete(response));
        return true;
      }
      return false;
    },
    html: (page) => (page.includes('</body>') ? page.replace('</body>', `${RELOAD_TAG}\n</body>`) : `${page}\n${RELOAD_TAG}\n`),
    securityHeaders: () => headers,
    built() {
      builds++;
      headers = securityHeaders();
      for (const page of pages) announce(page);
    },
    close() {
      for (const page of pages) page.end();
      pages.clear();
    },
  };
};
