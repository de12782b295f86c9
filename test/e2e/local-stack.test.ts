import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployedRoutes, routeKey } from '../../functions/wiring.js';

/**
 * Starts the service the way the README says (`npm start`, here with its data in a fresh
 * folder and every port 0, so nothing races for a port) and uses it as a new user would.
 * The stack is started once for the file; the restart test swaps it for the restarted one,
 * so every test finds a running stack whatever ran before it.
 */

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

const start = (env: Record<string, string>, args: readonly string[] = []): Started => {
  let output = '';
  const child = spawn('npm', ['start', '--', ...args], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
};

const waitFor = async (started: Started, text: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${started.output()}`);
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** The URLs `npm start` printed: with port 0 they carry the ports it really bound. */
const printedUrls = (output: string) => {
  const url = (label: string) => {
    const found = new RegExp(`^ {2}${label} +(http://127\\.0\\.0\\.1:(\\d+))\\b`, 'm').exec(output);
    if (!found) throw new Error(`no ${label} URL in:\n${output}`);
    return { url: found[1] as string, port: Number(found[2]) };
  };
  return { api: url('API'), mail: url('Mail viewer'), dynamodb: url('DynamoDB Local') };
};

const portAnswers = async (port: number) => {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    return true;
  } catch {
    return false;
  }
};

const portClosesWithin = async (port: number, ms: number) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await portAnswers(port))) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
};

/** A terminal's Ctrl-C signals the whole process group: npm, tsx and the service. */
const ctrlC = async (started: Started) => {
  process.kill(-(started.child.pid as number), 'SIGINT');
  await started.exited;
};

const killGroup = (started: Started | undefined) => {
  try {
    if (started) process.kill(-(started.child.pid as number), 'SIGKILL');
  } catch {
    // already gone
  }
};

/** Tomorrow (JST) of the real date, so the clock move fires one morning's runs only. */
const tomorrowJst = () => new Date(Date.now() + 9 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
const utcOf = (iso: string) => new Date(iso).toISOString();

const STAFF_PASSWORD = 'counter-pass';
let dataDir: string;
let env: Record<string, string>;
/** The first start's output (demo data loaded now). */
let firstOutput: string;
/** The running stack and its URLs (the restart test replaces both). */
let service: Started;
let urls: ReturnType<typeof printedUrls>;
const retired: Started[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'library-local-'));
  env = { PORT: '0', DYNAMODB_PORT: '0', SES_PORT: '0', LOCAL_DATA_DIR: dataDir, LOCAL_STAFF_PASSWORD: STAFF_PASSWORD, DEMO_CATALOG_TITLES: '30' };
  service = start(env);
  await waitFor(service, 'Ctrl-C stops everything');
  firstOutput = service.output();
  urls = printedUrls(firstOutput);
}, 90_000);

afterAll(async () => {
  if (service?.child.exitCode === null) {
    process.kill(-(service.child.pid as number), 'SIGINT');
    await Promise.race([service.exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  for (const started of [...retired, service]) killGroup(started);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const call = async (path: string, body?: unknown, token?: string, method = 'POST') => {
  const response = await fetch(urls.api.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
};

describe('npm start, as a new user', () => {
  it('with ports 0 it binds three ports of its own and prints their URLs, the data folder and the demo logins', async () => {
    const { api, mail, dynamodb } = urls;
    for (const { port } of [api, mail, dynamodb]) expect(port).toBeGreaterThan(0);
    expect(new Set([api.port, mail.port, dynamodb.port]).size).toBe(3);
    expect(firstOutput).toContain(`  Patron app     ${api.url}/\n`);
    expect(firstOutput).toContain(`  Staff console  ${api.url}/staff/\n`);
    expect(firstOutput).toContain(`  Mail viewer    ${mail.url}  (sent mail as JSON: ${mail.url}/store)\n`);
    expect(firstOutput).toContain(`  DynamoDB Local ${dynamodb.url}  (data in ${dataDir}/dynamodb)\n`);
    expect(firstOutput).toContain('  Demo data      loaded now\n');
    expect(firstOutput).toContain('{"cardNumber":"10000001","password":"0401"}');
    expect(firstOutput).toContain(`PUT  ${api.url}/admin/local/clock`);
    // The printed ports are the ones that answer.
    expect((await fetch(`${api.url}/api/branches`)).status).toBe(200);
    expect(await portAnswers(dynamodb.port)).toBe(true);
  });

  it('keeps one signing key per audience in its own file of the data folder (0600), not shared', () => {
    const keys = ['patron', 'staff'].map((audience) => {
      const file = join(dataDir, `signing-key-${audience}`);
      expect(statSync(file).mode & 0o777, file).toBe(0o600);
      return readFileSync(file, 'utf8').trim();
    });
    for (const key of keys) expect(key.length).toBeGreaterThanOrEqual(32);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('issue 13: GET /api/openapi.json is a valid OpenAPI 3.1 document of every deployed route', async () => {
    const document = (await (await fetch(`${urls.api.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect((await new Validator().validate(document as never)).valid).toBe(true);
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(deployedRoutes.map(routeKey).sort());
  });

  it('the demo patron logs in with 0401 and sees their profile', async () => {
    const login = await call('/api/login', { cardNumber: '10000001', password: '0401' });
    expect(login.status).toBe(200);
    expect(login.body.passwordIsInitial).toBe(true);
    const me = await fetch(`${urls.api.url}/api/me`, { headers: { authorization: `Bearer ${login.body.token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).cardNumber).toBe('10000001');
  });

  it('staff log in with LOCAL_STAFF_PASSWORD and move the clock across 07:00: the 07:00 and 10-minute runs fire once each', async () => {
    const staff = await call('/admin/login', { staffId: 'admin', password: STAFF_PASSWORD });
    expect(staff.status).toBe(200);
    const day = tomorrowJst();
    try {
      expect((await call('/admin/local/clock', { now: `${day}T06:58:00+09:00` }, undefined, 'PUT')).status).toBe(200);
      const moved = await call('/admin/local/clock', { now: `${day}T07:03:00+09:00` }, undefined, 'PUT');
      expect(moved.body.fired).toEqual([
        { job: 'hold-registration', schedule: 'daily-0700', scheduledTime: utcOf(`${day}T07:00:00+09:00`) },
        { job: 'hold-registration', schedule: 'every-10-minutes', scheduledTime: utcOf(`${day}T07:00:00+09:00`) },
      ]);
      const token = (await call('/admin/login', { staffId: 'admin', password: STAFF_PASSWORD })).body.token;
      const runs = (await (await fetch(`${urls.api.url}/admin/jobs/hold-registration/runs`, { headers: { authorization: `Bearer ${token}` } })).json()) as any[];
      const at0700 = runs.filter((r) => r.scheduledTime === utcOf(`${day}T07:00:00+09:00`));
      expect(at0700.map((r) => r.schedule).sort()).toEqual(['daily-0700', 'every-10-minutes']);
    } finally {
      await call('/admin/local/clock', { now: null }, undefined, 'PUT');
    }
  });

  it('the mail viewer answers on the printed port', async () => {
    const viewer = await fetch(`${urls.mail.url}/`);
    expect(viewer.status).toBe(200);
    const store = await fetch(`${urls.mail.url}/store`);
    expect(((await store.json()) as any).emails).toEqual([]);
  });

  it('a second npm start on the same ports says the port is taken, and the first keeps running', async () => {
    // Fails before it starts anything, so it is short-lived; --memory keeps it off the data folder.
    const second = start({ PORT: String(urls.api.port), DYNAMODB_PORT: String(urls.dynamodb.port), SES_PORT: String(urls.mail.port) }, ['--memory']);
    retired.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Port ${urls.api.port} (HTTP API) is already taken. Is another \`npm start\` running?`);
    expect((await fetch(`${urls.api.url}/api/branches`)).status).toBe(200);
  });
});

describe('Ctrl-C and restart', () => {
  it('Ctrl-C stops every child process; npm start again on the same data folder keeps a patron registered before', async () => {
    const staff = (await call('/admin/login', { staffId: 'admin', password: STAFF_PASSWORD })).body.token;
    const card = String(55000000 + Math.floor(Math.random() * 1_000_000));
    expect((await call('/admin/patrons', { cardNumber: card, name: '再起動 確認', birthDate: '1991-03-03' }, staff)).status).toBe(201);
    expect((await call(`/admin/patrons/${card}/internet-password`, {}, staff)).status).toBe(200);
    const patron = (await call('/api/login', { cardNumber: card, password: '0303' })).body.token as string;

    const before = urls;
    retired.push(service);
    await ctrlC(service);
    for (const { port } of [before.dynamodb, before.mail, before.api]) expect(await portClosesWithin(port, 10_000)).toBe(true);

    service = start(env);
    await waitFor(service, 'Ctrl-C stops everything');
    urls = printedUrls(service.output());
    expect(service.output()).toContain('  Demo data      already loaded\n');
    expect(service.output()).toContain(`(data in ${dataDir}/dynamodb)`);
    expect((await call('/api/login', { cardNumber: card, password: '0303' })).status).toBe(200);
    // Both keys are read back from their files: tokens issued before the restart still hold.
    expect((await call('/api/me', undefined, patron, 'GET')).status).toBe(200);
    expect((await call('/admin/jobs/hold-registration/runs', undefined, staff, 'GET')).status).toBe(200);
  }, 90_000);
});
