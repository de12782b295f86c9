import { buildPostings } from './ngrams.js';
import { isbnSearchKey } from './isbn-key.js';
import { computeFieldStarts, FIELD_SEPARATOR, FIELDS, type IndexData, MATERIAL, type MaterialCode, MAX_FIELD_LENGTH } from './layout.js';
import { normalizeForSearch } from './normalize.js';
import type { SearchableTitle } from './types.js';

/** Up to 32 branches: one bit each in a Uint32Array. The Mito library has six. */
const MAX_BRANCHES = 32;

const materialCode = (title: SearchableTitle): MaterialCode => {
  if (title.materialType === 'BOOK') return title.subtype === 'KAMISHIBAI' ? MATERIAL.KAMISHIBAI : MATERIAL.BOOK;
  return MATERIAL[title.materialType];
};

interface Row {
  readonly title: SearchableTitle;
  readonly text: string;
  readonly sortKey: string;
}

const documentText = (title: SearchableTitle): string => FIELDS.map((field) => normalizeForSearch(title[field] ?? '').slice(0, MAX_FIELD_LENGTH)).join(FIELD_SEPARATOR);

const byTieBreak = (a: Row, b: Row): number => {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.title.titleId < b.title.titleId ? -1 : a.title.titleId > b.title.titleId ? 1 : 0;
};

/** Indexes titles in memory (build time ~ linear in the catalog; see docs/decisions/005). */
export const buildIndexData = (titles: Iterable<SearchableTitle>): IndexData => {
  const rows: Row[] = [];
  const ids = new Set<string>();
  for (const title of titles) {
    if (ids.has(title.titleId)) throw new Error(`search index: duplicate titleId ${title.titleId}`);
    ids.add(title.titleId);
    const text = documentText(title);
    // Tie-break order: the title reading as a catalog sorts (五十音), the title if no reading.
    const sortKey = normalizeForSearch(title.titleReading || title.title);
    rows.push({ title, text, sortKey });
  }
  rows.sort(byTieBreak);

  const branchCodes = [...new Set(rows.flatMap((row) => row.title.branches))].sort();
  if (branchCodes.length > MAX_BRANCHES) throw new RangeError(`search index: at most ${MAX_BRANCHES} branches`);
  const branchBit = new Map(branchCodes.map((code, i) => [code, 2 ** i]));

  const texts = rows.map((row) => row.text);
  const materials = new Uint8Array(rows.length);
  const branchMasks = new Uint32Array(rows.length);
  const isbnKeys = new Float64Array(rows.length);
  rows.forEach(({ title }, doc) => {
    materials[doc] = materialCode(title);
    branchMasks[doc] = [...new Set(title.branches)].reduce((mask, code) => mask + (branchBit.get(code) ?? 0), 0);
    isbnKeys[doc] = isbnSearchKey(title.isbn);
  });

  return {
    titleIds: rows.map((row) => row.title.titleId),
    texts,
    fieldStarts: computeFieldStarts(texts),
    materials,
    branchMasks,
    branchCodes,
    isbnKeys,
    ...buildPostings(texts),
  };
};
