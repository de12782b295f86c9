import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loanImporter } from '../../functions/use-cases/import-loans.js';
import { patronImporter } from '../../functions/use-cases/import-patrons.js';
import { runImport } from '../../lib/import/run-import.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A generated patron file of the old system: `count` lines after the header, CSV. */
const patronCsv = (count: number, bad: ReadonlyMap<number, string>) => {
  const lines = ['cardNumber,name,birthDate,phone,email,contactMethod,internetService'];
  for (let i = 1; i <= count; i += 1) {
    const card = String(20_000_000 + i);
    const birthDate = `19${String(50 + (i % 50)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    // Every tenth with internet service; a name with a comma, quoted as CSV does.
    const internet = i % 10 === 0 ? 'true' : 'false';
    lines.push(bad.get(i + 1) ?? `${card},"利用者, ${i}",${birthDate},029-000-${String(i % 10_000).padStart(4, '0')},,PHONE,${internet}`);
  }
  return `${lines.join('\r\n')}\r\n`;
};

const capture = () => {
  const written: string[] = [];
  return { written, write: (text: string) => written.push(text) };
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.services.deps.store.catalogImport.importRecords([
    {
      titleId: 'MIG-1',
      title: '移行の本',
      materialType: 'BOOK',
      copies: [
        { itemId: 'MIG-1-A', branch: 'central', category: 'NORMAL', interlibrary: false },
        { itemId: 'MIG-1-B', branch: 'east', category: 'NORMAL', interlibrary: false },
        { itemId: 'MIG-1-R', branch: 'east', category: 'REFERENCE_ONLY', interlibrary: false },
      ],
    },
    { titleId: 'MIG-2', title: '移行の続き', materialType: 'BOOK', copies: [{ itemId: 'MIG-2-A', branch: 'west', category: 'NORMAL', interlibrary: false }] },
  ]);
});
afterAll(() => app?.stop());

describe('SPEC 3, 6 migration: patrons and current loans from the old system', { timeout: 90_000 }, () => {
  // Line numbers count the header as line 1: patron i is on line i + 1.
  const bad = new Map([
    [11, '1234567,短い番号,1980-01-01,,,NONE,false'],
    [101, '20000100,未来の人,2099-01-01,,,NONE,false'],
    [201, '20000200,余計な列,1980-01-01,,,NONE,false,extra'],
    [301, '20000003,二度目の番号,1980-01-01,,,NONE,false'],
    [401, '20000400,メールなし,1980-01-01,,,EMAIL,false'],
  ]);

  it('SPEC 3: a 600-line patron file streams in; bad lines are reported by number, the others can use the service', async () => {
    const log = capture();
    const deps = app.services.deps;
    const report = await runImport(Readable.from(patronCsv(600, bad)), patronImporter(deps), { label: 'patrons', format: 'csv', log, progressIntervalMs: 50 });

    expect(report).toMatchObject({ read: 600, imported: 595, existing: 0, rejected: 5 });
    expect(report.rejectedLines).toEqual([
      { line: 11, field: 'cardNumber', problem: 'must be 8 ASCII digits' },
      { line: 101, field: 'birthDate', problem: 'in the future' },
      { line: 201, field: 'line', problem: '8 fields where the header has 7' },
      { line: 301, field: 'cardNumber', problem: 'card number repeated in the file' },
      { line: 401, field: 'email', problem: 'contact method EMAIL needs an address' },
    ]);
    expect(log.written).toContain('patrons: line 201: line: 8 fields where the header has 7\n');
    expect(log.written.at(-1)).toMatch(/^patrons: 600 lines read, 595 imported, 0 already present, 5 rejected, \d+ lines\/s\n$/);

    // Patron 40 had internet service: the initial password is the birth MMDD (1990-05-13 → 0513).
    const login = await app.request('POST', '/api/login', { body: { cardNumber: '20000040', password: '0513' } });
    expect(login.status).toBe(200);
    expect(login.body.passwordIsInitial).toBe(true);
    // Patron 9 had none: no login, as for a patron registered at the counter.
    expect((await app.request('POST', '/api/login', { body: { cardNumber: '20000009', password: '1010' } })).status).toBe(401);
    const patron = await deps.store.patrons.get('20000001');
    expect(patron).toMatchObject({ name: '利用者, 1', birthDate: '1951-02-02', contactMethod: 'PHONE', internetService: false });
    // SPEC 11: the counter finds imported patrons by card number and by name.
    const staff = await app.staffToken();
    expect((await app.request('GET', '/admin/patrons?q=20000001', { token: staff })).body).toEqual([{ cardNumber: '20000001', name: '利用者, 1' }]);
    const byName = (await app.request('GET', `/admin/patrons?q=${encodeURIComponent('利用者')}`, { token: staff })).body as { cardNumber: string }[];
    expect(byName).toHaveLength(50);
  });

  it('SPEC 3: running the patron import again changes nothing, not even a password changed since', async () => {
    const token = await app.patronToken('20000020', '0921'); // changes the initial password
    const report = await runImport(Readable.from(patronCsv(600, bad)), patronImporter(app.services.deps), { label: 'patrons', format: 'csv', log: capture() });
    expect(report).toMatchObject({ imported: 0, existing: 595, rejected: 5 });
    expect((await app.request('GET', '/api/me', { token })).status).toBe(200);
    expect((await app.request('POST', '/api/login', { body: { cardNumber: '20000020', password: '0921' } })).status).toBe(401);
  });

  it('SPEC 6: current loans put copies on loan to their borrowers, who see them with their due dates; twice is once', async () => {
    const loans = [
      { cardNumber: '20000030', itemId: 'MIG-1-A', checkoutDate: '2026-11-20', dueDate: '2026-12-04', renewed: false },
      { cardNumber: '20000030', itemId: 'NO-SUCH-COPY', checkoutDate: '2026-11-20', dueDate: '2026-12-04' },
      { cardNumber: '29999999', itemId: 'MIG-1-B', checkoutDate: '2026-11-20', dueDate: '2026-12-04' },
      { cardNumber: '20000030', itemId: 'MIG-1-R', checkoutDate: '2026-11-20', dueDate: '2026-12-04' },
      { cardNumber: '20000040', itemId: 'MIG-1-A', checkoutDate: '2026-11-21', dueDate: '2026-12-05' },
      { cardNumber: '20000040', itemId: 'MIG-1-B', checkoutDate: '2026-11-21', dueDate: '2026-11-01' },
      // A second loan of the same patron, in the same chunk.
      { cardNumber: '20000030', itemId: 'MIG-2-A', checkoutDate: '2026-11-22', dueDate: '2026-12-06', renewed: 'true' },
    ];
    const jsonl = `${loans.map((l) => JSON.stringify(l)).join('\n')}\n{oops\n`;
    const importLoans = () => runImport(Readable.from(jsonl), loanImporter(app.services.deps), { label: 'loans', format: 'jsonl', log: capture() });

    const first = await importLoans();
    expect(first).toMatchObject({ read: 8, imported: 2, existing: 0 });
    expect(first.rejectedLines).toEqual([
      { line: 2, field: 'itemId', problem: 'no such copy' },
      { line: 3, field: 'cardNumber', problem: 'no such patron' },
      { line: 4, field: 'itemId', problem: 'reference only, not lent' },
      { line: 5, field: 'itemId', problem: 'copy repeated in the file' },
      { line: 6, field: 'dueDate', problem: 'before the checkout date' },
      { line: 8, field: 'line', problem: 'not valid JSON' },
    ]);
    const copy = await app.services.deps.store.catalog.getItem('MIG-1-A');
    expect(copy).toMatchObject({ status: 'ON_LOAN', borrower: '20000030', dueDate: '2026-12-04' });
    const token = await app.patronToken('20000030', '0703');
    const status = await app.request('GET', '/api/me/status', { token });
    expect(status.body.loans).toEqual([
      expect.objectContaining({ itemId: 'MIG-1-A', title: '移行の本', dueDate: '2026-12-04', renewed: false }),
      expect.objectContaining({ itemId: 'MIG-2-A', title: '移行の続き', dueDate: '2026-12-06', renewed: true }),
    ]);

    const second = await importLoans();
    expect(second).toMatchObject({ imported: 0, existing: 2, rejected: 6 });
    expect((await app.request('GET', '/api/me/status', { token })).body.loans).toHaveLength(2);
  });
});
