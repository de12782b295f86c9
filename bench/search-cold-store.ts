/**
 * Cold load of the stored search index in fresh processes (bench/search-cold-load.ts): from
 * the table's chunks in DynamoDB Local through the real store code, against the same bytes as
 * one object over HTTP — the stand-in for one S3 GET (there is no S3 locally; the figure for S3
 * adds the transfer time at an assumed throughput, stated in the report).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDb } from '../functions/store/db.js';
import { searchIndexStore } from '../functions/store/search-index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEARCH_INDEX_FORMAT, type SearchQuery } from '../functions/domain/search/index.js';
import { ensureTable } from '../lib/local/create-table.js';
import { localCredentials, localRegion, startDynamoDbLocal } from '../lib/local/dynamodb-local.js';

/**
 * Assumed, not measured: one GET stream from S3 to Lambda in the same region at the S3
 * performance guide's 85–90 MB/s per connection (parallel byte-range GETs go beyond), after
 * a first byte at the low end of its 100–200 ms; taken here as 85 MB/s and 100 ms.
 */
export const S3_ASSUMED = {
  mbPerSecond: 85,
  firstByteMs: 100,
  source:
    'Amazon S3 user guide, Best practices design patterns: optimizing Amazon S3 performance (per-connection throughput 85-90 MB/s; first-byte latency 100-200 ms); read 2026-12-02',
} as const;
/** Fresh processes per store; the median is reported (the machine is shared). */
const RUNS = 3;

interface ColdRun {
  readonly mode: string;
  readonly bytes: number;
  readonly fetchMs: number;
  readonly deserializeMs: number;
  readonly firstQueryMs: number;
  readonly coldLoadMs: number;
  readonly rssDeltaMB: number;
  readonly heapUsedDeltaMB: number;
  readonly arrayBuffersDeltaMB: number;
  readonly rssAfterMB: number;
}

interface QueryRun extends ColdRun {
  readonly digests: string[];
  readonly samples: number[][];
}

const runChild = <T = ColdRun>(args: string[]): Promise<T> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/search-cold-load.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T) : reject(new Error(`cold load ${args[0]}: exit ${code}\n${err}`)),
    );
  });

const median = (runs: readonly ColdRun[], key: keyof ColdRun): number => {
  const sorted = runs.map((r) => r[key] as number).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const summarise = (runs: readonly ColdRun[]) => ({
  runs: runs.length,
  coldLoadMs: median(runs, 'coldLoadMs'),
  fetchMs: median(runs, 'fetchMs'),
  deserializeMs: median(runs, 'deserializeMs'),
  firstQueryMs: median(runs, 'firstQueryMs'),
  rssDeltaMB: median(runs, 'rssDeltaMB'),
  heapUsedDeltaMB: median(runs, 'heapUsedDeltaMB'),
  arrayBuffersDeltaMB: median(runs, 'arrayBuffersDeltaMB'),
  rssAfterMB: median(runs, 'rssAfterMB'),
  all: runs.map((r) => r.coldLoadMs),
});

/**
 * Cold loads from both stores, then the fixed queries run in one more fresh process that holds
 * the index loaded from the object (their latency without the bench's own heap around them).
 */
export const benchColdLoad = async (bytes: Uint8Array, meta: { titles: number }, queries: readonly SearchQuery[], rounds: number) => {
  const dynamodb = await startDynamoDbLocal({ port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const queryFile = join(dir, 'queries.json');
  writeFileSync(queryFile, JSON.stringify(queries));
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    response.end(bytes);
  });
  try {
    const tableName = `bench-search-${Date.now()}`;
    await ensureTable(new DynamoDBClient({ endpoint: dynamodb.endpoint, region: localRegion, credentials: localCredentials }), tableName);
    const store = searchIndexStore(createDb(tableName, { endpoint: dynamodb.endpoint, region: localRegion, credentials: localCredentials }));
    const saveStart = performance.now();
    const pointer = await store.save(bytes, { sequence: meta.titles, titles: meta.titles, builtAt: new Date().toISOString(), format: SEARCH_INDEX_FORMAT }, new Date());
    const saveMs = Math.round(performance.now() - saveStart);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/search-index.gz`;

    const table: ColdRun[] = [];
    const object: ColdRun[] = [];
    // Alternating, so a burst of other work on the machine hits both alike.
    for (let i = 0; i < RUNS; i += 1) {
      table.push(await runChild(['table', dynamodb.endpoint, tableName]));
      object.push(await runChild(['http', url]));
    }
    const queryRun = await runChild<QueryRun>(['http', url, queryFile, String(rounds)]);
    const fromObject = summarise(object);
    const s3TransferMs = Math.round(S3_ASSUMED.firstByteMs + (bytes.length / 1024 / 1024 / S3_ASSUMED.mbPerSecond) * 1000);
    return {
      storedBytes: bytes.length,
      tableChunks: pointer.chunks,
      tableSaveMs: saveMs,
      table: summarise(table),
      localObjectOverHttp: fromObject,
      s3Estimate: {
        // The local object's deserialize and first query, plus the transfer S3 would take.
        coldLoadMs: s3TransferMs + fromObject.deserializeMs + Math.round(fromObject.firstQueryMs),
        transferMs: s3TransferMs,
        assumed: S3_ASSUMED,
      },
      queryRun: { digests: queryRun.digests, samples: queryRun.samples, rssAfterMB: queryRun.rssAfterMB },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    server.close();
    await dynamodb.stop();
  }
};
