import type { LocalServices } from '../local-services.js';
import { startHandlerReloader } from './handler-reloader.js';
import type { LiveReload } from './live-reload.js';
import { startWebRebuilder } from './web-rebuilder.js';

/**
 * `npm run dev` on a running local stack: web/ rebuilt and pages reloaded, functions/ reloaded
 * into the running process (DynamoDB Local, the SES emulator, the data and the clock stay).
 */
export const startDevLoop = async (options: {
  readonly root: string;
  readonly services: LocalServices;
  readonly liveReload: LiveReload;
  readonly buildWeb: () => Promise<void>;
  readonly log: (line: string) => void;
}): Promise<{ close(): Promise<void> }> => {
  const handlers = await startHandlerReloader({ root: options.root, use: (code) => options.services.useCode(code), log: options.log });
  const web = startWebRebuilder({
    webDir: `${options.root}/web`,
    build: options.buildWeb,
    built: () => options.liveReload.built(),
    log: options.log,
  });
  return {
    async close() {
      options.liveReload.close();
      await Promise.all([web.close(), handlers.close()]);
    },
  };
};
