import { watch } from 'node:fs';
import { join } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/**
 * Calls `onChange` once a burst of changes under these directories has settled: an editor's
 * save is often several writes and renames. Node's recursive fs.watch (inotify on Linux).
 */
export const watchTrees = (
  dirs: readonly string[],
  onChange: (files: readonly string[]) => void,
  options: { settleMs?: number; onError?: (error: Error) => void } = {},
): TreeWatcher => {
  const settleMs = options.settleMs ?? 50;
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers = dirs.map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
      changed.add(name ? join(dir, name.toString()) : dir);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...changed];
        changed = new Set();
        onChange(files);
      }, settleMs);
    }).on('error', (error) => options.onError?.(error)),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
};

/**
 * Runs `task` when triggered, never two at once: triggers during a run make exactly one more
 * run after it, so the last change is always built. `task` handles its own errors.
 */
export const oneAtATime = (task: () => Promise<void>): { run(): Promise<void>; idle(): Promise<void> } => {
  let running: Promise<void> | undefined;
  let again = false;
  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await task();
        } while (again);
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
    idle: () => running ?? Promise.resolve(),
  };
};
