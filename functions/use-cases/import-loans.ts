import * as z from 'zod/mini';
import type { Deps } from '../common/deps.js';
import { itemSchema } from '../common/http/catalog-schemas.js';
import { calendarDate, cardNumber } from '../common/http/schemas.js';
import { tokyoDate, tokyoInstant } from '../domain/tokyo-time.js';
import type { ImportedLoan } from '../store/loan-import.js';
import type { LineProblem } from './import-catalog.js';
import { problemOf, withoutEmptyCells, yesNo, type ChunkReport, type ImportRow } from './import-rows.js';

const LoanRow = z.object({
  cardNumber,
  itemId: itemSchema.shape.itemId,
  checkoutDate: calendarDate,
  dueDate: calendarDate,
});

interface CheckedRow {
  readonly line: number;
  readonly cardNumber: string;
  readonly itemId: string;
  readonly checkoutDate: string;
  readonly dueDate: string;
  readonly renewed: boolean;
}

/**
 * Migration of current loans (SPEC 6): card number, copy, checkout date, due date and
 * whether it was renewed. Each copy goes ON_LOAN to its borrower with the loan record, as a
 * checkout from the shelf does; a copy already on loan to that patron is counted as imported
 * before (a second run), any other copy not on the shelf is reported. Patrons and the
 * catalog must be imported first. Returns a function that imports one chunk of rows.
 */
export const loanImporter = (deps: Pick<Deps, 'store' | 'clock'>) => {
  const seen = new Set<string>();

  const check = (row: ImportRow, today: string): CheckedRow | LineProblem => {
    const fields = withoutEmptyCells(row.fields);
    const parsed = LoanRow.safeParse(fields);
    if (!parsed.success) return problemOf(row.line, parsed.error);
    const renewed = yesNo(fields.renewed, false);
    if (renewed === undefined) return { line: row.line, field: 'renewed', problem: 'must be true or false' };
    const loan = parsed.data;
    if (loan.checkoutDate > today) return { line: row.line, field: 'checkoutDate', problem: 'in the future' };
    if (loan.dueDate < loan.checkoutDate) return { line: row.line, field: 'dueDate', problem: 'before the checkout date' };
    if (seen.has(loan.itemId)) return { line: row.line, field: 'itemId', problem: 'copy repeated in the file' };
    seen.add(loan.itemId);
    return { line: row.line, ...loan, renewed };
  };

  return async (rows: readonly ImportRow[]): Promise<ChunkReport> => {
    const checked = rows.map((row) => check(row, tokyoDate(deps.clock.now())));
    const rejected: LineProblem[] = checked.filter((c): c is LineProblem => 'problem' in c);
    const valid = checked.filter((c): c is CheckedRow => !('problem' in c));
    const [items, patrons] = await Promise.all([
      deps.store.loanImport.items(valid.map((row) => row.itemId)),
      deps.store.loanImport.registeredPatrons(valid.map((row) => row.cardNumber)),
    ]);
    const titles = await deps.store.catalog.getTitles([...items.values()].map((item) => item.titleId));
    let existing = 0;
    const loans: (ImportedLoan & { line: number })[] = [];
    for (const row of valid) {
      const item = items.get(row.itemId);
      const refuse = (problem: string) => rejected.push({ line: row.line, field: 'itemId', problem });
      if (!patrons.has(row.cardNumber)) rejected.push({ line: row.line, field: 'cardNumber', problem: 'no such patron' });
      else if (!item) refuse('no such copy');
      else if (item.category === 'REFERENCE_ONLY') refuse('reference only, not lent');
      else if (item.status === 'ON_LOAN' && item.borrower === row.cardNumber) existing += 1;
      else if (item.status !== 'ON_SHELF' || item.assignedHoldId) refuse(`copy is ${item.assignedHoldId ? 'promised to a hold' : item.status}`);
      else {
        const loan = {
          itemId: item.itemId,
          titleId: item.titleId,
          title: titles.get(item.titleId)?.title ?? '',
          dueDate: row.dueDate,
          checkedOutAt: tokyoInstant(row.checkoutDate).toISOString(),
          renewed: row.renewed,
        };
        loans.push({ line: row.line, cardNumber: row.cardNumber, item, loan });
      }
    }
    const outcomes = loans.length > 0 ? await deps.store.loanImport.create(loans) : [];
    let imported = 0;
    outcomes.forEach((outcome, index) => {
      const line = loans[index]?.line ?? 0;
      if (outcome === 'created') imported += 1;
      else if (outcome === 'existing') existing += 1;
      else rejected.push({ line, field: 'itemId', problem: 'the copy changed during the import' });
    });
    return { imported, existing, rejected };
  };
};
