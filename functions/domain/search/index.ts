/**
 * SPEC 4 資料検索: an in-process n-gram index (bigrams, and single characters) over the catalog (docs/decisions/005).
 * Built when the catalog changes, stored as bytes next to the data, loaded once per cold start.
 */
import { buildIndexData } from './build.js';
import { NgramSearchIndex } from './engine.js';
import type { SearchableTitle, SearchIndex } from './types.js';

export type { SearchableTitle, SearchIndex, SearchMaterialFilter, SearchQuery } from './types.js';
export { normalizeForSearch, searchTerms } from './normalize.js';
export { serializeSearchIndex, deserializeSearchIndex, SEARCH_INDEX_FORMAT } from './serialize.js';
export { toSearchableTitles } from './searchable.js';

export const buildSearchIndex = (titles: Iterable<SearchableTitle>): SearchIndex => new NgramSearchIndex(buildIndexData(titles));
