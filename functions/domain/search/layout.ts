/**
 * The index's data, shared by the builder, the query engine and the serializer.
 *
 * Documents are numbered in ranking tie-break order (normalised title reading, then titleId),
 * so that results of equal score come out in order without sorting. Each document's
 * normalised fields are stored once, as one string with the fields joined by FIELD_SEPARATOR
 * (normalisation removes control characters, so the separator never occurs inside a field
 * and no match can span two fields).
 */
import type { DocStrings } from './doc-strings.js';

export const FIELDS = ['title', 'titleReading', 'author', 'authorReading', 'publisher', 'series'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const FIELD_SEPARATOR = '\u0001';
export const SEPARATOR_CODE = 1;
/** Longest field kept, so a document fits the Uint16Array of field starts. */
export const MAX_FIELD_LENGTH = 8000;

/** Bit per field, for "which fields may a term match". */
export const FIELD_BIT: Readonly<Record<FieldName, number>> = {
  title: 1,
  titleReading: 2,
  author: 4,
  authorReading: 8,
  publisher: 16,
  series: 32,
};
export const ALL_FIELDS = 63;

/** Material codes; KAMISHIBAI is BOOK with subtype KAMISHIBAI. */
export const MATERIAL = { BOOK: 0, KAMISHIBAI: 1, MAGAZINE: 2, AV: 3 } as const;
export type MaterialCode = (typeof MATERIAL)[keyof typeof MATERIAL];

export interface IndexData {
  /** By document number. */
  readonly titleIds: DocStrings;
  /** Normalised fields in FIELDS order, joined by FIELD_SEPARATOR. */
  readonly texts: DocStrings;
  /** Where fields 1..FIELD_COUNT-1 start in each text (FIELD_COUNT - 1 entries per document). */
  readonly fieldStarts: Uint16Array;
  readonly materials: Uint8Array;
  /** Bit i set: the title has a copy at branchCodes[i]. */
  readonly branchMasks: Uint32Array;
  readonly branchCodes: readonly string[];
  /** ISBN comparison key per document (search/isbn-key.ts); NaN when none. */
  readonly isbnKeys: Float64Array;
  /** Sorted gram keys: bigrams `first << 16 | second`, single characters their code unit (ngrams.ts). */
  readonly gramKeys: Uint32Array;
  /** gramKeys.length + 1 byte offsets into postings. */
  readonly gramOffsets: Uint32Array;
  /** Per gram, its documents ascending: first number, then gaps, each an unsigned LEB128 varint. */
  readonly postings: Uint8Array;
}

export const computeFieldStarts = (texts: readonly string[]): Uint16Array => {
  const starts = new Uint16Array(texts.length * (FIELD_COUNT - 1));
  let k = 0;
  for (const text of texts) {
    let at = -1;
    for (let f = 1; f < FIELD_COUNT; f += 1) {
      at = text.indexOf(FIELD_SEPARATOR, at + 1);
      if (at < 0) throw new RangeError('search index: document with missing fields');
      starts[k++] = at + 1;
    }
  }
  return starts;
};
