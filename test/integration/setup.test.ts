import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../functions/store/db.js';
import { createStore } from '../../functions/store/index.js';
import { localCredentials, localRegion } from '../../lib/local/dynamodb-local.js';
import { startLocalServices, type LocalServices } from '../../lib/local/local-services.js';
import { runSetup } from '../../lib/setup/run-setup.js';
import { dynamodbEndpoint } from '../support/dynamodb-endpoint.js';

/**
 * SPEC 11: one command sets up a library: branches with weekly hours and closed dates from
 * a file, and the first ADMIN account; running it again changes nothing. Against DynamoDB
 * Local, through the same function the CLI calls, then once through the CLI itself.
 */
const endpoint = dynamodbEndpoint();
const PASSWORD = 'first-admin-pass';
const localTarget = (tableName: string) => ({ kind: 'local', endpoint, tableName }) as const;
const openDb = (tableName: string) => createDb(tableName, { endpoint, region: localRegion, credentials: localCredentials });

const itemsOfType = async (tableName: string, type: string) => {
  const { Items = [] } = await openDb(tableName).client.send(
    new ScanCommand({
      TableName: tableName,
      FilterExpression: '#type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': type },
    }),
  );
  return Items;
};

const started: LocalServices[] = [];
afterAll(async () => {
  for (const services of started) await services.stop();
});

describe('SPEC 11 npm run setup', () => {
  const tableName = `setup-${randomUUID()}`;
  let asked = 0;
  const setup = () =>
    runSetup({
      target: localTarget(tableName),
      file: 'setup/mito.json',
      adminPassword: async () => {
        asked += 1;
        return PASSWORD;
      },
    });

  it('the first run creates six branches, their weekly hours, the 年末年始 closures and one ADMIN', async () => {
    const { report } = await setup();
    expect(Object.values(report.branches)).toEqual(Array(6).fill('created'));
    expect(Object.values(report.weeklyHours)).toEqual(Array(6).fill('created'));
    expect(report.closedDates).toEqual({ created: 3 * 6 * 6, unchanged: 0 });
    expect(report.admin).toEqual({ staffId: 'admin', result: 'created' });
    expect(asked).toBe(1);
  });

  it('running it again changes nothing, reports "unchanged" and does not ask for a password', async () => {
    const before = await Promise.all(['Branch', 'WeeklyHours', 'CalendarException', 'Staff'].map((t) => itemsOfType(tableName, t)));
    const { report } = await setup();
    expect(Object.values(report.branches)).toEqual(Array(6).fill('unchanged'));
    expect(Object.values(report.weeklyHours)).toEqual(Array(6).fill('unchanged'));
    expect(report.closedDates).toEqual({ created: 0, unchanged: 3 * 6 * 6 });
    expect(report.admin.result).toBe('unchanged');
    expect(asked).toBe(1);
    const after = await Promise.all(['Branch', 'WeeklyHours', 'CalendarException', 'Staff'].map((t) => itemsOfType(tableName, t)));
    expect(after).toEqual(before);
  });

  it('SPEC 2: the calendar answers two years ahead: open Tuesdays, Mondays closed, 年末年始 closed everywhere', async () => {
    const calendar = createStore(openDb(tableName)).calendar;
    const tuesday = await calendar.forDate('2028-12-05');
    expect(tuesday.map((d) => d.branch).sort()).toEqual(['central', 'east', 'miwa', 'tsunezumi', 'uchihara', 'west']);
    expect(tuesday.every((d) => d.open && d.opensAt === '09:30' && d.closesAt === '19:00')).toBe(true);
    expect((await calendar.forDate('2028-12-04')).some((d) => d.open)).toBe(false); // Monday
    expect((await calendar.forDate('2028-12-30')).some((d) => d.open)).toBe(false); // Saturday, 年末年始
    expect((await calendar.forDate('2029-01-04')).every((d) => d.open)).toBe(true);
    expect(await calendar.forBranch('west', '2028-12-28', 8)).toEqual([
      expect.objectContaining({ date: '2028-12-28', open: true }),
      ...['2028-12-29', '2028-12-30', '2028-12-31', '2029-01-01', '2029-01-02', '2029-01-03'].map((date) => ({ branch: 'west', date, open: false })),
      expect.objectContaining({ date: '2029-01-04', open: true }),
    ]);
  });

  it('exactly one admin, with the ADMIN role, who can log in via POST /admin/login', async () => {
    const staff = await itemsOfType(tableName, 'Staff');
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({ staffId: 'admin', role: 'ADMIN' });
    const services = await startLocalServices({
      dynamodbEndpoint: endpoint,
      sesEndpoint: inject('sesEndpoint'),
      tableName,
      host: '127.0.0.1',
      port: 0,
      signingKeys: { patron: randomBytes(32), staff: randomBytes(32) },
      staffPassword: 'demo-password-not-used',
      tick: false,
      logLevel: 'WARN',
      demoCatalogTitles: 0,
    });
    started.push(services);
    const login = (password: string) =>
      fetch(`${services.api.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffId: 'admin', password }) });
    expect((await login(PASSWORD)).status).toBe(200);
    expect((await login('demo-password-not-used')).status).toBe(401);
    // The local stack adds only its demo COUNTER account; the one ADMIN is setup's.
    const afterStart = await itemsOfType(tableName, 'Staff');
    expect(afterStart.filter((member) => member.role === 'ADMIN').map((member) => member.staffId)).toEqual(['admin']);
    expect(afterStart.filter((member) => member.role !== 'ADMIN').map((member) => member.role)).toEqual(['COUNTER']);
  });

  it('refuses an admin password shorter than 10 characters before writing anything', async () => {
    const other = `setup-${randomUUID()}`;
    await expect(runSetup({ target: localTarget(other), file: 'setup/mito.json', adminPassword: async () => 'short' })).rejects.toThrow(/at least 10/);
    expect(await itemsOfType(other, 'Staff')).toHaveLength(0);
    expect(await itemsOfType(other, 'Branch')).toHaveLength(0);
  });
});

describe('SPEC 11 npm run setup, the command itself', () => {
  const run = promisify(execFile);
  const cli = (tableName: string) =>
    run('node_modules/.bin/tsx', ['bin/setup.ts', '--file', 'setup/mito.json', '--endpoint', endpoint, '--table', tableName], {
      env: { ...process.env, SETUP_ADMIN_PASSWORD: PASSWORD },
    });

  it('reports what it created, then "unchanged" for everything; the password is never printed', async () => {
    const tableName = `setup-cli-${randomUUID()}`;
    const first = await cli(tableName);
    expect(first.stdout).toContain('branches: 6 created, 0 unchanged');
    expect(first.stdout).toContain('admin admin: created');
    const second = await cli(tableName);
    expect(second.stdout).toContain('branches: 0 created, 6 unchanged');
    expect(second.stdout).toContain('closed dates: 0 created, 108 unchanged');
    expect(second.stdout).toContain('admin admin: unchanged');
    for (const output of [first, second]) expect(output.stdout + output.stderr).not.toContain(PASSWORD);
  }, 60_000);

  it('refuses to guess a deployed table: --aws needs --stack', async () => {
    await expect(run('node_modules/.bin/tsx', ['bin/setup.ts', '--file', 'setup/mito.json', '--aws'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--aws needs --stack'),
    });
  }, 30_000);
});
