/**
 * Only the cold-load part of the search bench, against an index built once and kept on disk,
 * to iterate on the load without the ~3 minutes of generating and building 1,000,000 titles:
 *   npx tsx bench/search-cold-only.ts [titles]      (default 1,000,000)
 * The serialized index, the fixed queries and the built index's result digests are cached in
 * SEARCH_BENCH_CACHE (default .local/search-bench), one file set per size and format; a new
 * format builds them again. Prints the cold loads (table and one object) and whether the
 * loaded index answers every query as the built one did.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { buildSearchIndex, serializeSearchIndex, SEARCH_INDEX_FORMAT, toSearchableTitles, type SearchQuery } from '../functions/domain/search/index.js';
import { generateDemoCatalog } from '../lib/local/demo-catalog/index.js';
import { benchQueries } from './search.js';
import { benchColdLoad } from './search-cold-store.js';

const digest = (ids: readonly string[]) => `${ids.length}:${createHash('sha1').update(ids.join('\n')).digest('hex').slice(0, 16)}`;

const cached = (titles: number) => {
  const dir = process.env.SEARCH_BENCH_CACHE ?? '.local/search-bench';
  const base = join(dir, `index-${titles}-f${SEARCH_INDEX_FORMAT}`);
  if (!existsSync(`${base}.json`)) {
    mkdirSync(dir, { recursive: true });
    const catalog = generateDemoCatalog({ titles });
    const built = buildSearchIndex(toSearchableTitles(catalog.titles, catalog.items));
    const queries = benchQueries(catalog.titles).map((q) => q.query);
    writeFileSync(`${base}.gz`, serializeSearchIndex(built));
    writeFileSync(`${base}.json`, JSON.stringify({ queries, digests: queries.map((q) => digest(built.search(q))) }));
  }
  const { queries, digests } = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { queries: SearchQuery[]; digests: string[] };
  return { bytes: new Uint8Array(readFileSync(`${base}.gz`)), queries, digests };
};

const main = async () => {
  const titles = Number(process.argv[2] ?? 1_000_000);
  const { bytes, queries, digests } = cached(titles);
  const load = loadavg()[0];
  const cold = await benchColdLoad(bytes, { titles }, queries, 1);
  const { queryRun, ...rest } = cold;
  const sameAsBuilt = digests.filter((d, i) => d === queryRun.digests[i]).length;
  const samples = queryRun.samples.flat().sort((a, b) => a - b);
  const p95 = samples[Math.floor(samples.length * 0.95)] ?? 0;
  process.stdout.write(
    `${JSON.stringify({ titles, load: [load, loadavg()[0]], ...rest, sameAsBuilt: `${sameAsBuilt}/${queries.length}`, p95Ms: Math.round(p95 * 10) / 10, queryRssAfterMB: queryRun.rssAfterMB }, null, 1)}\n`,
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
