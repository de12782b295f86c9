import { copyFileSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { context } from 'esbuild';
import type { FunctionCode } from '../local-services.js';
import { oneAtATime, watchTrees } from './watch-trees.js';

export type ReloadOutcome = { readonly kind: 'reloaded'; readonly ms: number } | { readonly kind: 'failed'; readonly error: string };

export interface HandlerReloader {
  /** The outcome of the next reload (tests wait on it). */
  nextReload(): Promise<ReloadOutcome>;
  close(): Promise<void>;
}

/**
 * `npm run dev`: when anything under functions/ changes, bundles lib/local/function-code.ts
 * with esbuild (as CDK bundles each Lambda), imports the bundle as a new file (an imported ES
 * module is never evicted, so each version is a module of its own) and hands it to `use`,
 * which swaps it into the running stack. A change that does not build, or whose code fails to
 * import or to start, leaves the running code in place and prints why. esbuild strips types
 * without checking them, as tsx does for `npm start`: type errors are for `tsc`.
 */
export const startHandlerReloader = async (options: {
  /** The project directory: its functions/ and lib/local/function-code.ts are watched and bundled. */
  readonly root: string;
  readonly use: (code: FunctionCode) => void;
  readonly log: (line: string) => void;
}): Promise<HandlerReloader> => {
  const outDir = mkdtempSync(join(tmpdir(), 'library-dev-functions-'));
  // The bundle leaves packages external: they resolve through this link to the project's own
  // node_modules, the very modules the running process uses (the AWS SDK is not loaded twice).
  symlinkSync(realpathSync(join(options.root, 'node_modules')), join(outDir, 'node_modules'), 'dir');
  const outfile = join(outDir, 'function-code.mjs');
  const bundler = await context({
    absWorkingDir: options.root,
    entryPoints: [join(options.root, 'lib/local/function-code.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  let version = 0;
  let waiting: ((outcome: ReloadOutcome) => void)[] = [];
  const settle = (outcome: ReloadOutcome) => {
    const waiters = waiting;
    waiting = [];
    for (const resolve of waiters) resolve(outcome);
  };

  const reload = oneAtATime(async () => {
    const started = performance.now();
    try {
      await bundler.rebuild();
      const bundled = performance.now();
      // A file of its own per version, not a query string: loaders that key modules by path (vitest's) see it too.
      const copy = join(outDir, `function-code-${++version}.mjs`);
      copyFileSync(outfile, copy);
      const code = (await import(pathToFileURL(copy).href)) as FunctionCode;
      options.use(code);
      const ms = Math.round(performance.now() - started);
      options.log(`functions/ reloaded in ${ms} ms (bundle ${Math.round(bundled - started)} ms)`);
      settle({ kind: 'reloaded', ms });
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      options.log(`functions/ not reloaded, the previous code still serves:\n${message}`);
      settle({ kind: 'failed', error: message });
    }
  });

  // A first build, not swapped in: esbuild's later builds are incremental, hence faster.
  await bundler.rebuild().catch((error: Error) => options.log(`functions/ does not build yet:\n${error.message}`));
  const watcher = watchTrees([join(options.root, 'functions')], () => void reload.run(), {
    onError: (error) => options.log(`watching functions/ failed: ${error.message}`),
  });

  return {
    nextReload: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      watcher.close();
      await reload.idle();
      await bundler.dispose();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
};
