import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oneAtATime, watchTrees } from '../../lib/local/dev/watch-trees.js';

const root = mkdtempSync(join(tmpdir(), 'watch-trees-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run dev: watching the sources (issue 13.7)', () => {
  it('sees every save of a file, also when an editor renames a new file over it, and files of new directories', async () => {
    mkdirSync(join(root, 'http'));
    const file = join(root, 'http/config.ts');
    writeFileSync(file, 'one');
    let notify: (files: readonly string[]) => void = () => undefined;
    const watcher = watchTrees([root], (files) => notify(files), { settleMs: 20 });
    const nextChange = () => new Promise<readonly string[]>((resolve) => (notify = resolve));
    const atomicSave = (text: string) => {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    };
    try {
      for (const text of ['two', 'three']) {
        const change = nextChange();
        atomicSave(text);
        expect(await change).toContain(file);
      }
      const created = nextChange();
      mkdirSync(join(root, 'jobs'));
      expect(await created).toContain(join(root, 'jobs'));
      const inNew = nextChange();
      writeFileSync(join(root, 'jobs/run.ts'), 'x');
      expect(await inNew).toContain(join(root, 'jobs/run.ts'));
    } finally {
      watcher.close();
    }
  });

  it('runs a rebuild once at a time, and once more for changes made during it', async () => {
    const runs: number[] = [];
    let release: () => void = () => undefined;
    const rebuild = oneAtATime(async () => {
      runs.push(runs.length + 1);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = rebuild.run();
    void rebuild.run();
    void rebuild.run();
    release();
    await first;
    await rebuild.idle();
    expect(runs).toEqual([1, 2]);
  });
});
