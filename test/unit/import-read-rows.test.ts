import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRows, type ImportFormat, type ReadRow } from '../../lib/import/read-rows.js';

const read = async (text: string, format: ImportFormat) => {
  const rows: ReadRow[] = [];
  for await (const row of readRows(Readable.from(text), format)) rows.push(row);
  return rows;
};

describe('Migration files are read line by line, each bad line reported by its number', () => {
  it('CSV: header, BOM, CRLF, quoted commas, blank lines; a broken quote costs only its own line', async () => {
    const text = '\uFEFFcardNumber,name\r\n20000001,"水戸, 花子"\r\n20000002,"壊れた"引用\r\n\r\n20000003,"閉じない\r\n20000004,四\r\n20000005\r\n';
    expect(await read(text, 'csv')).toEqual([
      { line: 2, fields: { cardNumber: '20000001', name: '水戸, 花子' } },
      { line: 3, problem: 'unreadable CSV (CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE)' },
      { line: 5, problem: 'unreadable CSV (CSV_QUOTE_NOT_CLOSED)' },
      { line: 6, fields: { cardNumber: '20000004', name: '四' } },
      { line: 7, problem: '1 fields where the header has 2' },
    ]);
  });

  it('a problem names the line, never the value in it (names stay out of the report)', async () => {
    const rows = await read('cardNumber,name\n1,"秘密 花子"x\n', 'csv');
    expect(JSON.stringify(rows)).not.toContain('秘密');
  });

  it('JSON Lines: an object per line; anything else is reported', async () => {
    expect(await read('{"cardNumber":"20000001"}\n\n[1]\n{oops\n{"cardNumber":"20000002"}', 'jsonl')).toEqual([
      { line: 1, fields: { cardNumber: '20000001' } },
      { line: 3, problem: 'not a JSON object' },
      { line: 4, problem: 'not valid JSON' },
      { line: 5, fields: { cardNumber: '20000002' } },
    ]);
  });
});
