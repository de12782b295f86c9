import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ImportRow } from '../../functions/use-cases/import-rows.js';

/** A row as read from the file, or a line that could not be read as one. */
export type ReadRow = ImportRow | { readonly line: number; readonly problem: string };

export type ImportFormat = 'jsonl' | 'csv';

export const formatOf = (file: string): ImportFormat => (/\.csv$/i.test(file) ? 'csv' : 'jsonl');

/** JSON Lines, one line at a time: a record is a JSON object on one line. */
async function* jsonLines(input: Readable): AsyncGenerator<ReadRow> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      yield { line, problem: 'not valid JSON' };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) yield { line, problem: 'not a JSON object' };
    else yield { line, fields: value as Record<string, unknown> };
  }
}

/**
 * CSV with a header line (RFC 4180: quoted fields may hold commas, quotes and line breaks),
 * UTF-8 with or without a BOM. A record with more or fewer fields than the header, or a
 * broken quote, is reported by its line number and the reading goes on.
 */
async function* csvRecords(input: Readable): AsyncGenerator<ReadRow> {
  const skipped: ReadRow[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        skipped.push({ line: Number(error?.lines ?? 0), problem: error?.message ?? 'unreadable CSV' });
        return undefined;
      },
    }),
  );
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield* skipped.splice(0);
    if (!header) {
      header = record;
      continue;
    }
    if (record.length !== header.length) {
      yield { line: info.lines, problem: `${record.length} fields where the header has ${header.length}` };
      continue;
    }
    yield { line: info.lines, fields: Object.fromEntries(header.map((name, i) => [name, record[i]])) };
  }
  yield* skipped.splice(0);
}

/** Streams the records of an import file; the file is never held whole in memory. */
export const readRows = (input: Readable, format: ImportFormat): AsyncGenerator<ReadRow> =>
  format === 'csv' ? csvRecords(input) : jsonLines(input);
