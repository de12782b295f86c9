/**
 * SPEC 4 query semantics: a SearchQuery becomes term constraints (all must match) and
 * filters. Each whitespace-separated term of a text parameter is a constraint on that
 * parameter's fields; `q` may match any field, or equal the ISBN.
 */
import { toIsbn13 } from '../isbn.js';
import { isbnSearchKey } from './isbn-key.js';
import { ALL_FIELDS, FIELD_BIT, MATERIAL } from './layout.js';
import { normalizeForSearch, searchTerms } from './normalize.js';
import { readingPattern, type ReadingPattern } from './particles.js';
import type { SearchMaterialFilter, SearchQuery } from './types.js';

export interface TermConstraint {
  /** Normalised text; '' for an ISBN-only constraint. */
  readonly text: string;
  /** FIELD_BIT mask of the fields the text may occur in. */
  readonly fields: number;
  /** Alternatively the title's ISBN key equals this (NaN: no alternative). */
  readonly isbnKey: number;
  /** In the reading fields, the text's は/へ may also be ワ/エ (particles.ts); undefined when it has none. */
  readonly reading: ReadingPattern | undefined;
}

export interface QueryPlan {
  /** Every one must match. */
  readonly constraints: readonly TermConstraint[];
  /** Ranking only: the whole phrase of a multi-term parameter ("吾輩は 猫" ranks like 吾輩は猫). */
  readonly phrases: readonly TermConstraint[];
  /** Bit per material code accepted. */
  readonly materials: number;
  /** Branch bit required, 0 for any branch. */
  readonly branchBit: number;
}

const TITLE_FIELDS = FIELD_BIT.title | FIELD_BIT.titleReading;
const AUTHOR_FIELDS = FIELD_BIT.author | FIELD_BIT.authorReading;
const READING_FIELDS = FIELD_BIT.titleReading | FIELD_BIT.authorReading;

/** Every constraint has the same shape (reading undefined when none): the engine's hot loop reads them. */
const constraint = (text: string, fields: number, isbnKey: number): TermConstraint => ({
  text,
  fields,
  isbnKey,
  reading: (fields & READING_FIELDS) !== 0 ? readingPattern(text) : undefined,
});

const ANY_MATERIAL = 0b1111;

const MATERIALS: Readonly<Record<SearchMaterialFilter, number>> = {
  BOOK: (1 << MATERIAL.BOOK) | (1 << MATERIAL.KAMISHIBAI),
  KAMISHIBAI: 1 << MATERIAL.KAMISHIBAI,
  MAGAZINE: 1 << MATERIAL.MAGAZINE,
  AV: 1 << MATERIAL.AV,
};

const present = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** The query as constraints and filters, or undefined when it can match nothing (or asks nothing). */
export const planQuery = (query: SearchQuery, branchCodes: readonly string[]): QueryPlan | undefined => {
  const constraints: TermConstraint[] = [];
  const phrases: TermConstraint[] = [];
  const addText = (value: string | undefined, fields: number, isbnAlternative: boolean) => {
    if (!present(value)) return;
    // A whole ISBN typed with spaces ("978 4 10 101001 4") is one term.
    const terms = isbnAlternative && toIsbn13(value) ? [normalizeForSearch(value)] : searchTerms(value);
    for (const text of terms) constraints.push(constraint(text, fields, isbnAlternative ? isbnSearchKey(text) : Number.NaN));
    if (terms.length > 1) phrases.push(constraint(terms.join(''), fields, Number.NaN));
  };

  addText(query.q, ALL_FIELDS, true);
  addText(query.title, TITLE_FIELDS, false);
  addText(query.author, AUTHOR_FIELDS, false);
  addText(query.publisher, FIELD_BIT.publisher, false);
  if (present(query.isbn)) {
    const isbnKey = isbnSearchKey(query.isbn);
    if (Number.isNaN(isbnKey)) return undefined;
    constraints.push(constraint('', 0, isbnKey));
  }

  let materials = ANY_MATERIAL;
  if (query.type !== undefined) {
    const accepted = (MATERIALS as Partial<Record<string, number>>)[query.type];
    if (accepted === undefined) return undefined;
    materials = accepted;
  }
  let branchBit = 0;
  if (present(query.branch)) {
    const index = branchCodes.indexOf(query.branch);
    if (index < 0) return undefined;
    branchBit = 2 ** index;
  }
  if (constraints.length === 0 && materials === ANY_MATERIAL && branchBit === 0) return undefined;
  return { constraints, phrases, materials, branchBit };
};
