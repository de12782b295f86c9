import { buildSearchIndex, SEARCH_INDEX_FORMAT, serializeSearchIndex, type SearchableTitle } from '../domain/search/index.js';
import type { JobBody } from './run-job.js';

/**
 * Rebuilds the SPEC 4 search index from every title (GSI3, in catalog order) and stores it
 * with the data; search functions load it once per cold start. Runs nightly, after imports,
 * and on "run now". Titles changed after the build are searched as a delta until the next.
 * An index stored in another format (an older release's normalisation) is rebuilt at once.
 */
export const searchIndexJob: JobBody = async (now, deps) => {
  const [pointer, sequence] = await Promise.all([deps.store.searchIndex.pointer(), deps.store.catalog.currentSequence()]);
  if (pointer && pointer.format === SEARCH_INDEX_FORMAT && pointer.sequence >= sequence) return { rebuilt: false, titles: pointer.titles, sequence };
  const started = Date.now();
  const titles: SearchableTitle[] = [];
  let startKey: Record<string, unknown> | undefined;
  let highest = 0;
  do {
    const page = await deps.store.catalog.titlesChangedAfter(0, 1000, startKey);
    for (const { sequence: titleSequence, ...title } of page.titles) {
      titles.push(title);
      highest = Math.max(highest, titleSequence);
    }
    startKey = page.nextKey;
  } while (startKey);
  const bytes = serializeSearchIndex(buildSearchIndex(titles));
  const saved = await deps.store.searchIndex.save(bytes, { sequence: highest, titles: titles.length, builtAt: now.toISOString(), format: SEARCH_INDEX_FORMAT }, now);
  return { rebuilt: true, titles: titles.length, bytes: saved.bytes, chunks: saved.chunks, sequence: highest, buildMs: Date.now() - started };
};
