import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';

/**
 * Starts the service the way the README says (`npm start`, here with --memory and free
 * ports) and uses it as a new user would.
 */
interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

const start = (env: Record<string, string>): Started => {
  let output = '';
  const child = spawn('npm', ['start', '--', '--memory'], {
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

/** Tomorrow (JST) of the real date, so the clock move fires one morning's runs only. */
const tomorrowJst = () => new Date(Date.now() + 9 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
const utcOf = (iso: string) => new Date(iso).toISOString();

let ports: { PORT: string; DYNAMODB_PORT: string; SES_PORT: string };
let service: Started;
let api: string;

beforeAll(async () => {
  ports = { PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), SES_PORT: String(await freePort()) };
  service = start({ ...ports, LOCAL_STAFF_PASSWORD: 'counter-pass', DEMO_CATALOG_TITLES: '30' });
  await waitFor(service, 'Ctrl-C stops everything');
  api = `http://127.0.0.1:${ports.PORT}`;
}, 90_000);

afterAll(() => {
  try {
    process.kill(-(service.child.pid as number), 'SIGKILL');
  } catch {
    // already gone
  }
});

const post = async (path: string, body: unknown, token?: string, method = 'POST') => {
  const response = await fetch(api + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
};

describe('npm start, as a new user', () => {
  it('prints the URLs and demo logins', () => {
    expect(service.output()).toContain(`${api}`);
    expect(service.output()).toContain(`http://127.0.0.1:${ports.SES_PORT}`);
    expect(service.output()).toContain('10000001');
    expect(service.output()).toContain('/admin/local/clock');
  });

  it('the demo patron logs in with 0401 and sees their profile', async () => {
    const login = await post('/api/login', { cardNumber: '10000001', password: '0401' });
    expect(login.status).toBe(200);
    expect(login.body.passwordIsInitial).toBe(true);
    const me = await fetch(`${api}/api/me`, { headers: { authorization: `Bearer ${login.body.token}` } });
    expect(((await me.json()) as any).cardNumber).toBe('10000001');
  });

  it('staff log in with LOCAL_STAFF_PASSWORD and move the clock across 07:00: the 07:00 and 10-minute runs fire once each', async () => {
    const staff = await post('/admin/login', { staffId: 'admin', password: 'counter-pass' });
    expect(staff.status).toBe(200);
    const day = tomorrowJst();
    await post('/admin/local/clock', { now: `${day}T06:58:00+09:00` }, undefined, 'PUT');
    const moved = await post('/admin/local/clock', { now: `${day}T07:03:00+09:00` }, undefined, 'PUT');
    expect(moved.body.fired.map((f: any) => f.schedule)).toEqual(['daily-0700', 'every-10-minutes']);
    const token = (await post('/admin/login', { staffId: 'admin', password: 'counter-pass' })).body.token;
    const runs = (await (await fetch(`${api}/admin/jobs/hold-registration/runs`, { headers: { authorization: `Bearer ${token}` } })).json()) as any[];
    expect(runs.filter((r) => r.scheduledTime === utcOf(`${day}T07:00:00+09:00`))).toHaveLength(2);
  });

  it('the mail viewer answers', async () => {
    const viewer = await fetch(`http://127.0.0.1:${ports.SES_PORT}/`);
    expect(viewer.status).toBe(200);
    const store = await fetch(`http://127.0.0.1:${ports.SES_PORT}/store`);
    expect(((await store.json()) as any).emails).toEqual([]);
  });

  it('a second npm start on the same ports says the port is taken', async () => {
    const second = start(ports);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/Port \d+ \(HTTP API\) is already taken/);
  });

  it('Ctrl-C stops every child process', async () => {
    // A terminal's Ctrl-C signals the whole process group: npm, tsx and the service.
    process.kill(-(service.child.pid as number), 'SIGINT');
    await service.exited;
    for (const port of [ports.DYNAMODB_PORT, ports.SES_PORT, ports.PORT]) expect(await portClosesWithin(Number(port), 10_000)).toBe(true);
  });
});

describe('npm start keeps data under its data folder across restarts', () => {
  it('a patron registered before a restart can still log in after it', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'library-local-'));
    const env = { PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), SES_PORT: String(await freePort()), LOCAL_DATA_DIR: dataDir, DEMO_CATALOG_TITLES: '30' };
    const base = `http://127.0.0.1:${env.PORT}`;
    const call = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const run = (): Started => {
      let output = '';
      const child = spawn('npm', ['start'], { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
    };
    try {
      const first = run();
      await waitFor(first, 'Ctrl-C stops everything');
      expect(first.output()).toContain('loaded now');
      const staff = (await call('/admin/login', { staffId: 'admin', password: 'admin' })).body.token;
      expect((await call('/admin/patrons', { cardNumber: '55555555', name: '再起動 確認', birthDate: '1991-03-03' }, staff)).status).toBe(201);
      await call('/admin/patrons/55555555/internet-password', {}, staff);
      process.kill(-(first.child.pid as number), 'SIGINT');
      await first.exited;
      expect(await portClosesWithin(Number(env.DYNAMODB_PORT), 10_000)).toBe(true);

      const second = run();
      await waitFor(second, 'Ctrl-C stops everything');
      expect(second.output()).toContain('already loaded');
      expect((await call('/api/login', { cardNumber: '55555555', password: '0303' })).status).toBe(200);
      process.kill(-(second.child.pid as number), 'SIGINT');
      await second.exited;
      await portClosesWithin(Number(env.DYNAMODB_PORT), 10_000);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
