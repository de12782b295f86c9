import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { oneAtATime, watchTrees } from './watch-trees.js';

export interface WebRebuilder {
  /** Resolves after the next build, built or not (tests wait on it). */
  nextBuild(): Promise<'built' | 'failed'>;
  close(): Promise<void>;
}

/**
 * `npm run dev`: builds the web apps again (bin/build-web.ts, the same build as `npm start`'s,
 * inlined stylesheet included) whenever a source under web/ changes; `built` then tells the
 * open pages. A build that fails leaves the previous web/dist in place and prints why.
 */
export const startWebRebuilder = (options: {
  /** web/: every directory in it but the build's own (dist, dist.building-…) is a source. */
  readonly webDir: string;
  readonly build: () => Promise<void>;
  readonly built: () => void;
  readonly log: (line: string) => void;
}): WebRebuilder => {
  let waiting: ((outcome: 'built' | 'failed') => void)[] = [];
  const settle = (outcome: 'built' | 'failed') => {
    const waiters = waiting;
    waiting = [];
    for (const resolve of waiters) resolve(outcome);
  };
  const rebuild = oneAtATime(async () => {
    const started = performance.now();
    try {
      await options.build();
      options.log(`web/ rebuilt in ${Math.round(performance.now() - started)} ms`);
      options.built();
      settle('built');
    } catch (error) {
      options.log(`web/ not rebuilt, pages keep the previous build:\n${(error as Error).message}`);
      settle('failed');
    }
  });
  const sources = readdirSync(options.webDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('dist'))
    .map((entry) => join(options.webDir, entry.name));
  const watcher = watchTrees(sources, () => void rebuild.run(), {
    onError: (error) => options.log(`watching web/ failed: ${error.message}`),
  });
  return {
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      watcher.close();
      await rebuild.idle();
    },
  };
};
