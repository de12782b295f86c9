import { describe, expect, it } from 'vitest';
import { parseCatalogLines } from '../../functions/use-cases/import-catalog.js';

const branches = new Set(['central', 'east']);
const line = (record: Record<string, unknown>) => JSON.stringify(record);

describe('SPEC 4 bulk import: JSON Lines parsing', () => {
  it('keeps good lines and reports each bad one by number with the field', () => {
    const text = [
      line({ titleId: 'A', title: '一', materialType: 'BOOK', copies: [{ itemId: '1', branch: 'central', category: 'NORMAL' }] }),
      '',
      'nope',
      line({ titleId: 'B', title: '二', materialType: 'VINYL' }),
      line({ titleId: 'C', title: '三', materialType: 'BOOK', copies: [{ itemId: '1', branch: 'east', category: 'NORMAL' }] }),
      line({ titleId: 'A', title: '四', materialType: 'BOOK' }),
      line({
        titleId: 'D',
        title: '五',
        materialType: 'BOOK',
        isbn: '978-4-00-310101-8',
        copies: [{ itemId: '2', branch: 'east', category: 'REFERENCE_ONLY', interlibrary: true }],
      }),
    ].join('\r\n');
    const { records, problems } = parseCatalogLines(text, branches);
    expect(records.map((r) => r.titleId)).toEqual(['A', 'D']);
    expect(records[1]?.copies).toEqual([{ itemId: '2', branch: 'east', category: 'REFERENCE_ONLY', interlibrary: true }]);
    expect(problems).toEqual([
      { line: 3, field: 'line', problem: 'not valid JSON' },
      { line: 4, field: 'materialType', problem: expect.any(String) },
      { line: 5, field: 'copies.0.itemId', problem: 'itemId repeated in the file' },
      { line: 6, field: 'titleId', problem: 'titleId repeated in the file' },
    ]);
  });
});
