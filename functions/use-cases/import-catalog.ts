import * as z from 'zod/mini';
import type { Deps } from '../common/deps.js';
import { itemSchema, titleSchema } from '../common/http/catalog-schemas.js';
import type { ImportRecord } from '../store/catalog-import.js';

const copySchema = z.object({
  itemId: itemSchema.shape.itemId,
  branch: itemSchema.shape.branch,
  category: itemSchema.shape.category,
  interlibrary: itemSchema.shape.interlibrary,
  callNumber: itemSchema.shape.callNumber,
});
const recordSchema = z.object({ ...titleSchema.shape, titleId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)), copies: z.optional(z.array(copySchema)) });

export interface LineProblem {
  readonly line: number;
  readonly field: string;
  readonly problem: string;
}

/**
 * Parses JSON Lines of title records (each with its `copies`): every bad line is reported
 * by number with the field at fault, and the good lines are imported.
 */
export const parseCatalogLines = (text: string, branchCodes: ReadonlySet<string>) => {
  const records: ImportRecord[] = [];
  const problems: LineProblem[] = [];
  const seenItems = new Set<string>();
  const seenTitles = new Set<string>();
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, field: 'line', problem: 'not valid JSON' });
      continue;
    }
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ line, field: issue?.path.join('.') || 'line', problem: issue?.code ?? 'invalid' });
      continue;
    }
    const { copies = [], ...title } = parsed.data;
    const badBranch = copies.findIndex((c) => !branchCodes.has(c.branch));
    if (badBranch >= 0) {
      problems.push({ line, field: `copies.${badBranch}.branch`, problem: 'unknown branch' });
      continue;
    }
    // Within the line too: a copy listed twice would reach DynamoDB as a duplicate key (a 500).
    const repeated = copies.findIndex((c, i) => seenItems.has(c.itemId) || copies.findIndex((d) => d.itemId === c.itemId) < i);
    if (repeated >= 0) {
      problems.push({ line, field: `copies.${repeated}.itemId`, problem: 'itemId repeated in the file' });
      continue;
    }
    if (seenTitles.has(title.titleId)) {
      problems.push({ line, field: 'titleId', problem: 'titleId repeated in the file' });
      continue;
    }
    for (const c of copies) seenItems.add(c.itemId);
    seenTitles.add(title.titleId);
    records.push({ ...title, copies: copies.map((c) => ({ ...c, interlibrary: c.interlibrary ?? false })) });
  }
  return { records, problems };
};

/** Imports JSON Lines into the catalog and reports what happened, line by line. */
export const importCatalogLines = async (deps: Pick<Deps, 'store'>, text: string) => {
  const branches = new Set((await deps.store.branches.list()).map((b) => b.code));
  const { records, problems } = parseCatalogLines(text, branches);
  const result = await deps.store.catalogImport.importRecords(records);
  return { ...result, rejectedLines: problems };
};
