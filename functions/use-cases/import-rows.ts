import type * as z from 'zod/mini';
import type { LineProblem } from './import-catalog.js';

/** One record of an import file: its line number and its fields, as read (CSV gives strings). */
export interface ImportRow {
  readonly line: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** What one chunk of rows came to. */
export interface ChunkReport {
  readonly imported: number;
  /** Already in the table (a second run of the same file): left as they are. */
  readonly existing: number;
  readonly rejected: readonly LineProblem[];
}

const RULES: Readonly<Record<string, string>> = {
  'rule:cardNumber': 'must be 8 ASCII digits',
  'rule:date': 'must be a date YYYY-MM-DD',
};

/** The first problem zod found, as a line report. */
export const problemOf = (line: number, error: z.core.$ZodError): LineProblem => {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'line';
  const problem = issue?.code === 'invalid_type' && issue.input === undefined ? 'missing' : (RULES[issue?.message ?? ''] ?? issue?.message ?? 'invalid');
  return { line, field, problem };
};

/** CSV leaves an empty cell as '': the same as a field not given. */
export const withoutEmptyCells = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '' && value !== null));

const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n']);

/** A yes/no column: JSON booleans, or true/false, 1/0, yes/no in CSV. Undefined when it is neither. */
export const yesNo = (value: unknown, absent: boolean): boolean | undefined => {
  if (value === undefined) return absent;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  return TRUE.has(text) ? true : FALSE.has(text) ? false : undefined;
};
