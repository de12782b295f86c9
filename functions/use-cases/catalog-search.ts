import type { Deps } from '../common/deps.js';
import { buildSearchIndex, deserializeSearchIndex, SEARCH_INDEX_FORMAT, type SearchIndex, type SearchQuery } from '../domain/search/index.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { StoredTitle } from '../store/catalog.js';
import { availabilityByBranch, onlineHoldability } from './title-availability.js';
import type { SearchItem, SearchResult } from '../contract/views/search.js';

interface LoadedIndex {
  readonly version: string;
  readonly sequence: number;
  readonly index: SearchIndex;
}

/** One loaded index per store (per cold start in Lambda; per table locally). */
const loaded = new WeakMap<object, LoadedIndex>();
/** More changed titles than this since the last build: search them anyway, but say so in the log. */
const DELTA_WARNING = 2_000;

const currentIndex = async (deps: Deps): Promise<LoadedIndex | undefined> => {
  const pointer = await deps.store.searchIndex.pointer();
  if (!pointer) return undefined;
  if (pointer.format !== SEARCH_INDEX_FORMAT) {
    // Built by an older release (other normalisation): search the catalog as if unbuilt until
    // the search-index job rebuilds it (it does so at its next run, or on "run now").
    deps.logger.warn('search index is in an older format', { format: pointer.format ?? 1 });
    return undefined;
  }
  const cached = loaded.get(deps.store);
  if (cached?.version === pointer.version) return cached;
  const fresh = { version: pointer.version, sequence: pointer.sequence, index: deserializeSearchIndex(await deps.store.searchIndex.load(pointer)) };
  loaded.set(deps.store, fresh);
  return fresh;
};

const changedSince = async (deps: Deps, sequence: number): Promise<Omit<StoredTitle, 'sequence'>[]> => {
  const titles: Omit<StoredTitle, 'sequence'>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.store.catalog.titlesChangedAfter(sequence, 1000, startKey);
    titles.push(...page.titles.map(({ sequence: _s, ...title }) => title));
    startKey = page.nextKey;
  } while (startKey);
  return titles;
};

/**
 * The stored index's results with the titles changed since its build. Ranking depends only
 * on each title and the query, so the top of the main results plus the delta's matches are
 * re-ranked together by an index built over just those titles; the rest follows.
 */
const mergeWithDelta = async (
  deps: Deps,
  main: SearchIndex | undefined,
  delta: readonly Omit<StoredTitle, 'sequence'>[],
  query: SearchQuery,
  window: number,
): Promise<string[]> => {
  const deltaIds = new Set(delta.map((t) => t.titleId));
  const mainIds = main ? main.search(query).filter((id) => !deltaIds.has(id)) : [];
  if (delta.length === 0) return mainIds;
  const deltaMatches = buildSearchIndex(delta).search(query);
  if (deltaMatches.length === 0) return mainIds;
  const top = mainIds.slice(0, window);
  const topTitles = [...(await deps.store.catalog.getTitles(top)).values()].map(({ sequence: _s, ...title }) => title);
  const matched = new Set(deltaMatches);
  const reranked = buildSearchIndex([...topTitles, ...delta.filter((t) => matched.has(t.titleId))]).search(query);
  return [...reranked, ...mainIds.slice(window)];
};

/**
 * SPEC 4 search: the stored index (loaded once, reloaded when a new build appears) plus the
 * titles changed since that build, indexed on the fly, so a new title is found at once.
 */
export const searchCatalog = async (deps: Deps, query: SearchQuery, page: number, pageSize: number): Promise<SearchResult> => {
  const main = await currentIndex(deps);
  const delta = await changedSince(deps, main?.sequence ?? 0);
  if (delta.length > DELTA_WARNING) deps.logger.warn('search index is behind the catalog', { changedTitles: delta.length });
  const ids = await mergeWithDelta(deps, main?.index, delta, query, page * pageSize);
  const pageIds = ids.slice((page - 1) * pageSize, page * pageSize);
  const found = await deps.store.catalog.titlesWithCopies(pageIds);
  const today = tokyoDate(deps.clock.now());
  const items = pageIds.map((titleId): SearchItem | undefined => {
    const entry = found.get(titleId);
    if (!entry) return undefined;
    const { title, copies } = entry;
    const availability = availabilityByBranch(copies);
    return {
      titleId,
      title: title.title,
      author: title.author ?? null,
      publisher: title.publisher ?? null,
      year: title.year ?? null,
      isbn: title.isbn ?? null,
      materialType: title.materialType,
      subtype: title.subtype ?? null,
      series: title.series ?? null,
      volume: title.volume ?? null,
      ...onlineHoldability(copies, today, deps.config.holds),
      copies: availability.copies,
      available: availability.available,
      availability: availability.branches,
    };
  });
  return { total: ids.length, page, pageSize, items: items.filter((i) => i !== undefined) };
};
