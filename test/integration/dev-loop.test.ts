import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../lib/local/http-server.js';
import { startHttpApi } from '../../lib/local/http-server.js';
import { startHandlerReloader, type HandlerReloader } from '../../lib/local/dev/handler-reloader.js';
import { createLiveReload, RELOAD_SCRIPT_PATH } from '../../lib/local/dev/live-reload.js';
import { startWebRebuilder } from '../../lib/local/dev/web-rebuilder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13.7, `npm run dev`. The reloader runs on a copy of functions/ in a temp directory,
 * so the edits below never touch the files other tests import.
 */
let app: TestApp;
let copy: string;
let reloader: HandlerReloader;
const logged: string[] = [];

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'dev-loop-test-'));
  cpSync('functions', join(copy, 'functions'), { recursive: true });
  mkdirSync(join(copy, 'lib/local'), { recursive: true });
  cpSync('lib/local/function-code.ts', join(copy, 'lib/local/function-code.ts'));
  symlinkSync(realpathSync('node_modules'), join(copy, 'node_modules'), 'dir');
  let started: TestApp | undefined;
  [app, reloader] = await Promise.all([
    startTestApp().then((ready) => (started = ready)),
    startHandlerReloader({ root: copy, use: (code) => started!.services.useCode(code), log: (line) => logged.push(line) }),
  ]);
});
afterAll(async () => {
  await reloader?.close();
  await app?.stop();
  rmSync(copy, { recursive: true, force: true });
});

const configHandler = () => join(copy, 'functions/http/public/config.ts');
const edit = (file: string, change: (source: string) => string) => {
  const source = readFileSync(file, 'utf8');
  const changed = change(source);
  expect(changed).not.toBe(source);
  writeFileSync(file, changed);
};

describe('npm run dev: functions/ reloaded into the running stack', () => {
  it('serves an edited handler without a restart, over the same data and clock', async () => {
    const before = await app.request('GET', '/api/config');
    expect(before.body.libraryName).toBe('水戸市立図書館');
    const served = app.services.api.server;

    const reloaded = reloader.nextReload();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the edit writes a template literal into the source
    edit(configHandler(), (source) => source.replace('libraryName: deps.config.libraryName,', 'libraryName: `${deps.config.libraryName}（編集後）`,'));
    expect(await reloaded).toMatchObject({ kind: 'reloaded' });

    const after = await app.request('GET', '/api/config');
    expect(after.body.libraryName).toBe('水戸市立図書館（編集後）');
    // The same server, clock (the test app's, started at 10:00 on 2026-12-01) and table: the six demo branches are still there.
    expect(app.services.api.server).toBe(served);
    expect(before.body.serverTime.slice(0, 13)).toBe('2026-12-01T10');
    expect(after.body.serverTime.slice(0, 13)).toBe('2026-12-01T10');
    expect((await app.request('GET', '/api/branches')).body).toHaveLength(6);
    expect(logged.at(-1)).toMatch(/^functions\/ reloaded in \d+ ms/);
  });

  it('keeps the running handlers, and says why, when the edit does not build', async () => {
    const failed = reloader.nextReload();
    edit(configHandler(), (source) => `${source}\nexport const broken = ;\n`);
    const outcome = await failed;
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.error).toContain('functions/http/public/config.ts');
    expect(logged.at(-1)).toContain('the previous code still serves');

    expect((await app.request('GET', '/api/config')).body.libraryName).toBe('水戸市立図書館（編集後）');
  });
});

describe('npm run dev: web apps rebuilt and open pages reloaded', () => {
  const builtFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));

  it('has no reload script in the production build or in what npm start serves', async () => {
    for (const file of builtFiles('web/dist')) expect(readFileSync(file, 'utf8'), file).not.toContain('__dev');
    for (const page of ['/', '/staff/']) {
      const answer = await fetch(app.url + page);
      expect(await answer.text()).not.toContain('__dev');
    }
    expect((await fetch(app.url + RELOAD_SCRIPT_PATH)).headers.get('content-type')).not.toMatch(/javascript/);
  });

  it('adds the reload script to each page it serves, allowed by the same CSP, and tells pages of each rebuild', async () => {
    const liveReload = createLiveReload();
    const noApi = {} as ApiHandlers; // only files and /__dev/ are asked below
    const api = await startHttpApi(noApi, { host: '127.0.0.1', port: 0, webRoot: 'web/dist', dev: liveReload });
    const sources = mkdtempSync(join(tmpdir(), 'dev-loop-web-'));
    mkdirSync(join(sources, 'patron'));
    let builds = 0;
    const rebuilder = startWebRebuilder({
      webDir: sources,
      build: async () => {
        builds++;
        if (readFileSync(join(sources, 'patron/app.css'), 'utf8').includes('{{')) throw new Error('broken stylesheet');
      },
      built: () => liveReload.built(),
      log: () => undefined,
    });
    try {
      for (const page of ['/', '/staff/']) {
        const answer = await fetch(api.url + page);
        expect(await answer.text()).toContain(`<script type="module" src="${RELOAD_SCRIPT_PATH}"></script>`);
        expect(answer.headers.get('content-security-policy')).toContain("script-src 'self';");
        expect(answer.headers.get('cache-control')).toBe('no-cache');
      }
      const script = await fetch(api.url + RELOAD_SCRIPT_PATH);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(await script.text()).toContain('location.reload()');

      const events = (await fetch(`${api.url}/__dev/events`)).body!.getReader();
      const nextBuildName = async () => /data: (\S+)/.exec(new TextDecoder().decode((await events.read()).value))?.[1];
      const first = await nextBuildName();

      const built = rebuilder.nextBuild();
      writeFileSync(join(sources, 'patron/app.css'), 'body { color: black }');
      expect(await built).toBe('built');
      const second = await nextBuildName();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);

      const failed = rebuilder.nextBuild();
      writeFileSync(join(sources, 'patron/app.css'), 'body {{');
      expect(await failed).toBe('failed');
      expect(builds).toBeGreaterThanOrEqual(2);
      await events.cancel();
    } finally {
      await rebuilder.close();
      liveReload.close();
      await api.close();
      rmSync(sources, { recursive: true, force: true });
    }
  });
});
