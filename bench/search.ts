/**
 * SPEC 4 search on a 1,000,000-title demo catalog: index build time, serialized size, memory of
 * the loaded index, cold load from the table and from one object, and query latency over a
 * fixed set of 200 queries — against
 * a baseline measured in the same run: a linear scan with String.prototype.includes over the
 * same normalised records, ranked by the same rules (its results are compared, too).
 */
import { cpus, loadavg } from 'node:os';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Title } from '../functions/domain/catalog.js';
import {
  buildSearchIndex,
  normalizeForSearch,
  searchTerms,
  serializeSearchIndex,
  toSearchableTitles,
  type SearchableTitle,
  type SearchQuery,
} from '../functions/domain/search/index.js';
import { isbnSearchKey } from '../functions/domain/search/isbn-key.js';
import { readingPattern } from '../functions/domain/search/particles.js';
import { docStringList } from '../functions/domain/search/doc-strings.js';
import { decodeIndexData } from '../functions/domain/search/serialize.js';
import { isbn13To10, toIsbn13 } from '../functions/domain/isbn.js';
import { generateDemoCatalog } from '../lib/local/demo-catalog/index.js';
import { benchColdLoad } from './search-cold-store.js';
import { percentile, round } from './support.js';

const TITLES = 1_000_000;
const ROUNDS = 5;

interface BenchQuery {
  readonly kind: string;
  readonly query: SearchQuery;
}

/** The fixed 200 queries; the ISBN ones are taken from fixed positions of the (deterministic) catalog. */
export const benchQueries = (titles: readonly Title[]): BenchQuery[] => {
  const of = (kind: string, list: readonly SearchQuery[]) => list.map((query) => ({ kind, query }));
  const q = (...values: string[]) => values.map((value) => ({ q: value }));
  const withIsbn = titles.filter((t) => t.isbn);
  const isbns = Array.from({ length: 20 }, (_, i) => withIsbn[Math.floor((i * withIsbn.length) / 20)]?.isbn ?? '');
  // Printed form and the other form (ISBN-10 ↔ 13), as q and as the isbn parameter.
  const isbnQueries = isbns.map((isbn, i): SearchQuery => {
    const other = isbn13To10(isbn) ?? toIsbn13(isbn) ?? isbn;
    const value = i % 2 === 0 ? isbn : other;
    return i % 4 < 2 ? { q: value } : { isbn: value };
  });
  const list = [
    ...of(
      'kanji',
      q(
        '猫',
        '吾輩は猫',
        '銀河鉄道',
        '図書館',
        '入門',
        '歴史',
        '料理',
        '宇宙',
        '記憶',
        '水戸',
        '偕楽園',
        '経済学入門',
        '日本史',
        '茨城の歴史',
        '星の記憶',
        '年鑑',
        '事典',
        '交響曲',
        '落語',
        '羅生門',
        '雪国',
        '人間失格',
        '走れメロス',
        '坊っちゃん',
        '三四郎',
      ),
    ),
    ...of(
      'kana',
      q(
        'こころ',
        'ねこ',
        'ぐりとぐら',
        'はらぺこ',
        'こぶた',
        'おつかい',
        'うさぎ',
        'ぼうけん',
        'ともだち',
        'おばけ',
        'たんじょうび',
        'ぺんぎん',
        'かえる',
        'めろす',
        'もも',
        'コブタ',
        'ペンギン',
        'ハンドブック',
        'ネットワーク',
        'データベース',
      ),
    ),
    ...of(
      'reading',
      q(
        'わがはい',
        'なつめ',
        'そうせき',
        'みやざわけんじ',
        'らしょうもん',
        'にんげんしっかく',
        'だざい',
        'かわばた',
        'あくたがわ',
        'しんりがく',
        'けいざい',
        'うちゅう',
        'きょうりゅう',
        'れきし',
        'にゅうもん',
        'ワガハイ',
        'ナツメ',
        'みと',
        'いばらき',
        'しゅみのえんげい',
      ),
    ),
    ...of('single', q('猫', '本', '夜', '海', 'の', 'ね', 'こ', 'a', 'r', '1', '空', '森', '星', '月', '上', '下', 'ん', 'ア', 'Ｐ', '史')),
    ...of(
      'latin',
      q(
        'python',
        'Ｐｙｔｈｏｎ',
        'ＳＱＬ',
        'sql',
        'java',
        'javascript',
        'linux',
        'excel',
        'ai',
        'git',
        'docker',
        'rust',
        'typescript',
        'web',
        'NHK',
        'Newton',
        'python 入門',
        'sql 実践',
        'データ分析',
        'Ｗｅｂ開発',
      ),
    ),
    ...of(
      'multi',
      q(
        '夏目 こころ',
        '宮沢 銀河',
        '吾輩は 猫',
        '猫 夏目',
        '水戸 歴史',
        '入門 佐藤',
        '星 夜',
        'こぶた おつかい',
        '図解 哲学',
        '暮しの手帖 2026',
        '文藝春秋 12月号',
        '交響曲 ベートーヴェン',
        'ＮＨＫ 那珂川',
        '上 下',
        '1 2',
        '入門 2020',
        '海 森 空',
        'python データ',
        'はじめての 英語',
        '実践 会計',
      ),
    ),
    ...of('field', [
      { title: 'こころ' },
      { title: 'わがはい' },
      { title: '入門' },
      { title: '猫' },
      { title: 'の' },
      { author: '夏目' },
      { author: 'なつめ' },
      { author: '佐藤' },
      { author: 'さとう ゆうこ' },
      { author: 'バッハ' },
      { publisher: '新潮社' },
      { publisher: '福音館' },
      { publisher: '童心社' },
      { publisher: 'ＮＨＫ' },
      { publisher: '岩波' },
      { title: '歴史', author: '田中' },
      { title: '猫', publisher: '新潮社' },
      { q: '夜', author: '宮沢' },
      { title: '入門', publisher: '技術評論社' },
      { author: 'ダザイ', title: 'メロス' },
    ]),
    ...of('filter', [
      { type: 'KAMISHIBAI' },
      { type: 'MAGAZINE' },
      { type: 'AV' },
      { branch: 'uchihara' },
      { branch: 'miwa', type: 'KAMISHIBAI' },
      { q: 'こぶた', type: 'KAMISHIBAI' },
      { q: 'くま', type: 'BOOK' },
      { q: '暮しの手帖', type: 'MAGAZINE' },
      { q: '交響曲', type: 'AV' },
      { q: '猫', branch: 'central' },
      { q: '入門', branch: 'tsunezumi' },
      { q: 'の', branch: 'east' },
      { q: 'わがはい', branch: 'miwa' },
      { q: '歴史', type: 'BOOK', branch: 'west' },
      { q: 'ね', type: 'KAMISHIBAI' },
      { q: '辞典', branch: 'central' },
      { title: 'こころ', branch: 'central' },
      { q: 'ニュートン', type: 'MAGAZINE', branch: 'central' },
      { q: 'ドキュメンタリー', type: 'AV' },
      { author: 'カール', type: 'BOOK' },
    ]),
    ...of('isbn', isbnQueries),
    ...of('none', q('存在しない書名', 'zzzzzz', 'ぬぬぬ', '量子重力理論', 'qwerty', '猫 zzz', '9784000000000', 'ゑゑ', '鬱鬱', '・・・')),
    ...of('long', q('不思議な台所の路地', 'チャイコフスキー くるみ割り人形', 'ナショナルジオグラフィック日本版', '青少年読書感想文', 'こころの処方箋')),
  ];
  if (list.length !== 200) throw new Error(`bench: expected 200 queries, built ${list.length}`);
  return list;
};

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

const latency = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return {
    p50: round(percentile(sorted, 50), 3),
    p95: round(percentile(sorted, 95), 3),
    p99: round(percentile(sorted, 99), 3),
    max: round(sorted.at(-1) ?? 0, 3),
    mean: round(mean, 3),
  };
};

/**
 * The baseline: what one writes without an index. Same normalisation, same query semantics
 * and ranking rules (re-implemented plainly here), one pass over all records per query.
 */
const linearScan = (titles: readonly SearchableTitle[]) => {
  const records = titles.map((t) => ({
    id: t.titleId,
    fields: [t.title, t.titleReading, t.author, t.authorReading, t.publisher, t.series].map((v) => normalizeForSearch(v ?? '')),
    sortKey: normalizeForSearch(t.titleReading || t.title),
    isbn: isbnSearchKey(t.isbn),
    material: t.materialType === 'BOOK' && t.subtype === 'KAMISHIBAI' ? 'KAMISHIBAI' : t.materialType,
    branches: t.branches,
  }));
  // In the readings, a particle typed as written (は/へ/を) also matches as read (ワ/エ/オ).
  const readingRegExps = new Map<string, { contains: RegExp; prefix: RegExp } | undefined>();
  const inReading = (value: string, text: string): 'prefix' | 'contains' | undefined => {
    if (!readingRegExps.has(text)) {
      const pattern = readingPattern(text);
      readingRegExps.set(text, pattern && { contains: new RegExp(pattern.global.source), prefix: new RegExp(`^(?:${pattern.global.source})`) });
    }
    const r = readingRegExps.get(text);
    if (!r) return value.startsWith(text) ? 'prefix' : value.includes(text) ? 'contains' : undefined;
    return r.prefix.test(value) ? 'prefix' : r.contains.test(value) ? 'contains' : undefined;
  };
  const tierIn = (fields: string[], text: string, allowed: number[], isbn: number, recordIsbn: number): number => {
    if (isbn === recordIsbn) return 0;
    if (text === '') return 7;
    for (const f of allowed) {
      const value = fields[f] ?? '';
      if (f === 1 || f === 3) {
        const found = inReading(value, text);
        if (found === undefined) continue;
        if (f === 1) return found === 'prefix' ? 3 : 4;
        return 5;
      }
      if (!value.includes(text)) continue;
      if (f === 0) return value === text ? 0 : value.startsWith(text) ? 1 : 2;
      return f <= 3 ? 5 : 6;
    }
    return 7;
  };
  return (query: SearchQuery): string[] => {
    const parts: Array<{ text: string; fields: number[]; isbn: number }> = [];
    const phrases: Array<{ text: string; fields: number[] }> = [];
    const add = (value: string | undefined, fields: number[], isbnToo: boolean) => {
      if (!value?.trim()) return;
      const terms = isbnToo && toIsbn13(value) ? [normalizeForSearch(value)] : searchTerms(value);
      for (const text of terms) parts.push({ text, fields, isbn: isbnToo ? isbnSearchKey(text) : Number.NaN });
      if (terms.length > 1) phrases.push({ text: terms.join(''), fields });
    };
    add(query.q, [0, 1, 2, 3, 4, 5], true);
    add(query.title, [0, 1], false);
    add(query.author, [2, 3], false);
    add(query.publisher, [4], false);
    if (query.isbn?.trim()) parts.push({ text: '', fields: [], isbn: isbnSearchKey(query.isbn) });
    if (parts.length === 0 && !query.type && !query.branch) return [];
    const hits: Array<{ id: string; tier: number; sortKey: string }> = [];
    for (const r of records) {
      if (query.type && !(r.material === query.type || (query.type === 'BOOK' && r.material === 'KAMISHIBAI'))) continue;
      if (query.branch && !r.branches.includes(query.branch)) continue;
      let best = parts.length === 0 ? 0 : 7;
      let ok = true;
      for (const p of parts) {
        const tier = tierIn(r.fields, p.text, p.fields, p.isbn, r.isbn);
        if (tier === 7) {
          ok = false;
          break;
        }
        best = Math.min(best, tier);
      }
      if (!ok) continue;
      for (const p of phrases) best = Math.min(best, tierIn(r.fields, p.text, p.fields, Number.NaN, r.isbn));
      hits.push({ id: r.id, tier: best, sortKey: r.sortKey });
    }
    hits.sort((a, b) => a.tier - b.tier || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return hits.map((h) => h.id);
  };
};

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

/** Every how many-th query the linear scan checks at 1M titles (it takes seconds a query there). */
const SCAN_EVERY_LARGE = 4;

const digest = (ids: readonly string[]) => `${ids.length}:${createHash('sha1').update(ids.join('\n')).digest('hex').slice(0, 16)}`;

/**
 * `titles` for scaling runs; `npm run bench` uses the default 1,000,000 (about 8 minutes on 2
 * shared cores, most of it generating, building and the linear scan). Query latency and the
 * loaded index's memory are measured in fresh processes holding the index alone (a Lambda's
 * view), not in this one, whose heap holds the whole generated catalog.
 */
export async function benchSearch(options: { titles?: number; scanEvery?: number } = {}): Promise<object> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const titles = options.titles ?? TITLES;
  const scanEvery = options.scanEvery ?? (titles > 200_000 ? SCAN_EVERY_LARGE : 1);
  const [catalog, generateMs] = time(() => generateDemoCatalog({ titles }));
  const [searchable, branchesMs] = time(() => toSearchableTitles(catalog.titles, catalog.items));
  const itemCount = catalog.items.length;
  const [built, buildMs] = time(() => buildSearchIndex(searchable));
  const [bytes, serializeMs] = time(() => serializeSearchIndex(built));
  const layout = (() => {
    const raw = gunzipSync(bytes);
    const data = decodeIndexData(raw);
    let postingsEntries = 0;
    for (const byte of data.postings) if (byte < 0x80) postingsEntries += 1;
    const typed = [data.fieldStarts, data.materials, data.branchMasks, data.isbnKeys, data.gramKeys, data.gramOffsets, data.postings];
    return {
      uncompressedBytes: raw.length,
      grams: data.gramKeys.length,
      postingsEntries,
      postingsBytes: data.postings.length,
      normalisedChars: docStringList(data.texts).reduce((n, t) => n + t.length, 0),
      titleIdChars: docStringList(data.titleIds).reduce((n, t) => n + t.length, 0),
      typedArrayBytes: typed.reduce((n, a) => n + a.byteLength, 0),
    };
  })();

  const queries = benchQueries(catalog.titles);
  const cold = await benchColdLoad(
    bytes,
    { titles: catalog.titles.length },
    queries.map((q) => q.query),
    ROUNDS,
  );
  const samples = cold.queryRun.samples.flat();
  const byKind = new Map<string, number[]>();
  for (const [i, { kind }] of queries.entries()) byKind.set(kind, [...(byKind.get(kind) ?? []), ...(cold.queryRun.samples[i] ?? [])]);

  // The loaded index against the built one on every query, the built one against the scan.
  const builtDigests = queries.map(({ query }) => digest(built.search(query)));
  const sameAsBuilt = builtDigests.filter((d, i) => d === cold.queryRun.digests[i]).length;
  const scan = linearScan(searchable);
  const baselineSamples: number[] = [];
  let identical = 0;
  let checked = 0;
  const differing: string[] = [];
  queries.forEach(({ query }, i) => {
    if (i % scanEvery !== 0) return;
    const [expected, ms] = time(() => scan(query));
    baselineSamples.push(ms);
    checked += 1;
    if (digest(expected) === builtDigests[i]) identical += 1;
    else differing.push(JSON.stringify(query));
  });
  const index = latency(samples);
  const baseline = latency(baselineSamples);
  const { queryRun: _q, ...coldLoad } = cold;
  const resultsPerRound = cold.queryRun.digests.reduce((n, d) => n + Number(d.split(':')[0]), 0);

  return {
    catalog: { titles: catalog.titles.length, items: itemCount, generateMs: round(generateMs, 0), branchesMs: round(branchesMs, 0) },
    build: {
      ms: round(buildMs, 0),
      serializeMs: round(serializeMs, 0),
      grams: layout.grams,
      postingsEntries: layout.postingsEntries,
      normalisedChars: layout.normalisedChars,
    },
    size: {
      serializedGzipBytes: bytes.length,
      uncompressedBytes: layout.uncompressedBytes,
      postingsVarintBytes: layout.postingsBytes,
      postingsIfUint32Bytes: layout.postingsEntries * 4,
      bytesPerTitleGzip: round(bytes.length / catalog.titles.length, 1),
    },
    memory: {
      // A fresh process before the fetch and after the first query (collected), loading from the table.
      freshProcess: { rssDeltaMB: coldLoad.table.rssDeltaMB, heapUsedDeltaMB: coldLoad.table.heapUsedDeltaMB, arrayBuffersDeltaMB: coldLoad.table.arrayBuffersDeltaMB },
      // What the loaded index holds by construction: normalised text and title ids (≈2 and 1 bytes
      // a character, plus ~20 bytes a string) and typed arrays.
      computed: {
        textsMB: mb(layout.normalisedChars * 2 + catalog.titles.length * 20),
        titleIdsMB: mb(layout.titleIdChars + catalog.titles.length * 28),
        typedArraysMB: mb(layout.typedArrayBytes),
      },
    },
    coldLoad: { ...coldLoad, chosen: { store: 'table', ...coldLoad.table } },
    queries: {
      count: queries.length,
      rounds: ROUNDS,
      measuredIn: 'a fresh process holding only the index (loaded from the object)',
      resultsPerRound,
      indexMs: index,
      p95ByKindMs: Object.fromEntries([...byKind].map(([kind, list]) => [kind, latency(list).p95])),
      baselineLinearScanMs: baseline,
      speedUp: { mean: round(baseline.mean / index.mean, 1), p50: round(baseline.p50 / index.p50, 1), p95: round(baseline.p95 / index.p95, 1) },
      resultsIdenticalToBaseline: `${identical}/${checked}`,
      baselineChecks: scanEvery === 1 ? 'all queries' : `every ${scanEvery}th query (the scan takes seconds a query at this size)`,
      ...(differing.length > 0 ? { differing: differing.slice(0, 10) } : {}),
      loadedSameAsBuilt: `${sameAsBuilt}/${queries.length}`,
    },
    // Other work on the machine moves latencies; the 1-minute load average says how much.
    machine: { node: process.version, cpus: cpus().length, loadAverage1m: { start: round(loadAtStart), end: round(loadavg()[0] ?? 0) } },
    benchSeconds: round((performance.now() - started) / 1000, 0),
  };
}
