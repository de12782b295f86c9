/**
 * One cold start of search, run in a fresh process by bench/search.ts: fetch the stored index,
 * deserialize it and answer a first query; prints the times and memory as one JSON line.
 *   tsx bench/search-cold-load.ts table <dynamodb endpoint> <table name>   (the real store code)
 *   tsx bench/search-cold-load.ts http <url> [queries.json rounds]          (one object, as from S3)
 * With a file of queries, then also runs them (a warm-up round, then `rounds`) and prints each
 * query's time per round and a digest of its result ids: the latency of a process that holds
 * the index and nothing else, as a Lambda does. Run with --expose-gc so the memory figures are
 * of live data.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { deserializeSearchIndex, type SearchIndex, type SearchQuery } from '../functions/domain/search/index.js';
import { createDb } from '../functions/store/db.js';
import { searchIndexStore } from '../functions/store/search-index.js';
import { localCredentials, localRegion } from '../lib/local/dynamodb-local.js';

const gc = (globalThis as { gc?: () => void }).gc;
const memory = () => {
  gc?.();
  gc?.();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, arrayBuffers };
};
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const fetchBytes = async (mode: string, args: string[]): Promise<Uint8Array> => {
  if (mode === 'table') {
    const [endpoint, tableName] = args;
    const store = searchIndexStore(createDb(tableName ?? '', { endpoint, region: localRegion, credentials: localCredentials }));
    const pointer = await store.pointer();
    if (!pointer) throw new Error('no stored search index');
    return store.load(pointer);
  }
  const answer = await fetch(args[0] ?? '');
  if (!answer.ok) throw new Error(`GET ${args[0]}: ${answer.status}`);
  return new Uint8Array(await answer.arrayBuffer());
};

/** Result digests (count and hash of the ids in order) and per-round times of each query. */
const runQueries = (index: SearchIndex, file: string, rounds: number) => {
  const queries = JSON.parse(readFileSync(file, 'utf8')) as SearchQuery[];
  const digests = queries.map((query) => {
    const ids = index.search(query);
    return `${ids.length}:${createHash('sha1').update(ids.join('\n')).digest('hex').slice(0, 16)}`;
  });
  const samples: number[][] = queries.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    queries.forEach((query, i) => {
      const start = performance.now();
      index.search(query);
      samples[i]?.push(performance.now() - start);
    });
  }
  return { digests, samples };
};

const main = async () => {
  const [mode = '', ...args] = process.argv.slice(2);
  const importedMs = performance.now();
  const before = memory();
  const start = performance.now();
  // Only the index outlives this function (as in the use case): the raw bytes must not count
  // in the memory taken after the first query.
  const { index, byteCount, fetched, deserialized } = await (async () => {
    const bytes = await fetchBytes(mode, args);
    const fetchedAt = performance.now();
    return { byteCount: bytes.length, fetched: fetchedAt, index: deserializeSearchIndex(bytes), deserialized: performance.now() };
  })();
  const first = index.search({ q: '吾輩は猫' });
  const answered = performance.now();
  const after = memory();
  process.stdout.write(
    `${JSON.stringify({
      mode,
      bytes: byteCount,
      processStartToImportedMs: Math.round(importedMs),
      fetchMs: Math.round(fetched - start),
      deserializeMs: Math.round(deserialized - fetched),
      firstQueryMs: Math.round((answered - deserialized) * 10) / 10,
      coldLoadMs: Math.round(answered - start),
      firstQueryResults: first.length,
      rssDeltaMB: mb(after.rss - before.rss),
      heapUsedDeltaMB: mb(after.heapUsed - before.heapUsed),
      arrayBuffersDeltaMB: mb(after.arrayBuffers - before.arrayBuffers),
      rssAfterMB: mb(after.rss),
      // Read after the first query, to keep the index alive until the figures are taken.
      titles: index.size,
      ...(mode === 'http' && args[1] ? runQueries(index, args[1], Number(args[2] ?? 5)) : {}),
    })}\n`,
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
