import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
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

const csvError = (error: unknown): string => `unreadable CSV (${(error as { code?: string }).code ?? 'error'})`;

/**
 * CSV with a header line, UTF-8 with or without a BOM, one record per line (quoted fields
 * may hold commas and quotes, not line breaks: patron and loan fields never need one). Read
 * line by line, so a broken quote costs its own line and never swallows the lines after
 * it. A line that is not CSV, or has more or fewer fields than the header, is reported by
 * number (with csv-parse's error code, not its message, which quotes the field's value).
 */
async function* csvRecords(input: Readable): AsyncGenerator<ReadRow> {
  let line = 0;
  let header: string[] | undefined;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let fields: string[];
    try {
      // Without a quote a line is its commas (csv-parse costs ~80 µs a line; most lines have none).
      // A quote inside an unquoted field is kept as a character (old exports do that).
      fields = text.includes('"')
        ? ((parse(text, { trim: true, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [])
        : text.split(',').map((field) => field.trim());
    } catch (error) {
      if (!header) throw new Error(`line ${line}: the header line is ${csvError(error)}`);
      yield { line, problem: csvError(error) };
      continue;
    }
    if (!header) {
      header = fields;
      continue;
    }
    if (fields.length !== header.length) {
      yield { line, problem: `${fields.length} fields where the header has ${header.length}` };
      continue;
    }
    yield { line, fields: Object.fromEntries(header.map((name, i) => [name, fields[i]])) };
  }
}

/** Streams the records of an import file; the file is never held whole in memory. */
export const readRows = (input: Readable, format: ImportFormat): AsyncGenerator<ReadRow> => (format === 'csv' ? csvRecords(input) : jsonLines(input));
