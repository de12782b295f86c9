import type { Title } from '../catalog.js';

/** A catalog title as the search index sees it: with the branches holding at least one copy. */
export interface SearchableTitle extends Title {
  readonly branches: readonly string[];
}

/** SPEC 4 material filter: `KAMISHIBAI` is BOOK with subtype KAMISHIBAI; `BOOK` includes it. */
export type SearchMaterialFilter = 'BOOK' | 'MAGAZINE' | 'AV' | 'KAMISHIBAI';

/**
 * SPEC 4 資料検索 (`q`, free text) and 詳細検索 (per field). Every given part must match (AND).
 * Empty strings count as absent; a query with no part at all matches nothing.
 */
export interface SearchQuery {
  /** Every whitespace-separated term in title, readings, author, publisher or series, or equal to the ISBN. */
  q?: string;
  /** Title or its reading; every term must match. */
  title?: string;
  /** Author or its reading; every term must match. */
  author?: string;
  publisher?: string;
  /** ISBN-10 or ISBN-13, with or without hyphens. */
  isbn?: string;
  type?: SearchMaterialFilter;
  /** A branch code: the title has a copy there. */
  branch?: string;
}

export interface SearchIndex {
  /** Number of titles indexed. */
  readonly size: number;
  /** All matching titleIds, best first (ranking: functions/domain/search/rank.ts). */
  search(query: SearchQuery): string[];
}
