import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSetupFile } from '../../lib/setup/setup-file.js';
import { TABLE_OUTPUT, tableOfStack } from '../../lib/setup/target.js';

const mito = JSON.parse(readFileSync('setup/mito.json', 'utf8'));

describe('SPEC 11 the setup file', () => {
  it('setup/mito.json: six branches on the SPEC 2 hours, 年末年始 closed at all of them, one ADMIN', () => {
    const plan = parseSetupFile(mito);
    expect(plan.branches.map((b) => b.branch.code)).toEqual(['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara']);
    expect(plan.branches.map((b) => b.branch.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.branches[0]?.weekly).toMatchObject({ mon: null, tue: { opensAt: '09:30', closesAt: '19:00' }, sun: { opensAt: '09:30', closesAt: '17:00' } });
    const centralClosed = plan.closed.filter((d) => d.branch === 'central').map((d) => d.date);
    expect(centralClosed.slice(0, 6)).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(plan.admin).toEqual({ staffId: 'admin', name: 'システム管理者', branch: 'central', role: 'ADMIN' });
  });

  it.each([
    [{ ...mito, closed: [{ from: '2027-01-03', to: '2026-12-29' }] }, /closed\.0: to is before from/],
    [{ ...mito, closed: [{ from: '2026-12-29', to: '2027-01-03', branches: ['atlantis'] }] }, /unknown branch atlantis/],
    [{ ...mito, closed: [{ from: '2026-12-29', to: '2036-12-29' }] }, /more than 366 days/],
    [{ ...mito, defaultHours: { ...mito.defaultHours, wed: { opensAt: '19:00', closesAt: '09:30' } } }, /hours\.wed/],
    [{ ...mito, defaultHours: undefined }, /no hours and no defaultHours/],
    [{ ...mito, admin: { ...mito.admin, branch: 'atlantis' } }, /admin\.branch/],
    [{ ...mito, branches: [...mito.branches, mito.branches[0]] }, /appears twice/],
    [{ ...mito, closed: [{ from: '2026-02-30', to: '2026-03-01' }] }, /closed\.0\.from/],
  ])('refuses a wrong file, naming where (%#)', (file, message) => {
    expect(() => parseSetupFile(file)).toThrow(message);
  });
});

describe('SPEC 11 setup --aws finds the table in the stack outputs', () => {
  const cloudFormation = (outputs: { OutputKey: string; OutputValue: string }[]) => ({
    send: async () => ({ Stacks: [{ StackName: 'Library', Outputs: outputs }] }),
  });

  it('reads the TableName output', async () => {
    const found = await tableOfStack(
      'Library',
      cloudFormation([
        { OutputKey: 'ApiUrl', OutputValue: 'x' },
        { OutputKey: TABLE_OUTPUT, OutputValue: 'Library-Table-1' },
      ]) as never,
    );
    expect(found).toBe('Library-Table-1');
  });
  it('refuses a stack without it rather than guess a name', async () => {
    await expect(tableOfStack('Other', cloudFormation([{ OutputKey: 'ApiUrl', OutputValue: 'x' }]) as never)).rejects.toThrow(/no output TableName/);
  });
});
