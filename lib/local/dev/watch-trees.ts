import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Calls `onChange` once a burst of changes under these directories has settled: an editor's
 * save is often several writes and renames. Each directory is watched on its own (inotify on
 * Linux), new ones as they appear: Node 20's `recursive` option watches each file's inode and
 * loses a file that an editor saved by renaming a new one over it.
 */
export const watchTrees = (
  roots: readonly string[],
  onChange: (files: readonly string[]) => void,
  options: { settleMs?: number; onError?: (error: Error) => void } = {},
): TreeWatcher => {
  const settleMs = options.settleMs ?? 50;
  const watchers = new Map<string, FSWatcher>();
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const noteChange = (path: string) => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed = new Set();
      onChange(files);
    }, settleMs);
  };
  const watchDirectory = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    const watcher = watch(dir, (event, name) => {
      const path = name ? join(dir, name.toString()) : dir;
      if (event === 'rename' && isDirectory(path)) watchDirectory(path);
      noteChange(path);
    });
    // A directory that is removed ends its watcher; one that cannot be watched is reported.
    watcher.on('error', (error) => {
      watcher.close();
      watchers.delete(dir);
      if (isDirectory(dir)) options.onError?.(error);
    });
    watchers.set(dir, watcher);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) watchDirectory(join(dir, entry.name));
    }
  };
  for (const root of roots) watchDirectory(root);

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
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
      if (running !== undefined) {
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
