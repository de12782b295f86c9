import { describe, expect, it } from 'vitest';
import { toIsbn13 } from '../../functions/domain/isbn.js';
import { isbnSearchKey } from '../../functions/domain/search/isbn-key.js';
import {
  buildSearchIndex,
  deserializeSearchIndex,
  normalizeForSearch,
  searchTerms,
  serializeSearchIndex,
  type SearchableTitle,
  type SearchIndex,
  type SearchQuery,
} from '../../functions/domain/search/index.js';

/**
 * SPEC 4 search (docs/decisions/005) checked against a plain model of its rules on a generated
 * catalog of 400 titles: the model scans every title and field with `includes`, the index must
 * give the same titles in the same order. The catalog is large enough for what small fixtures
 * never reach: document gaps of 128 and more in the postings, term lists of very different
 * lengths, more grams than the builders' first buffers hold. (Normalisation and ISBN keys have
 * tests of their own; the model uses them as they are.)
 */

// ---- a deterministic generated catalog ------------------------------------------------------

const random = (() => {
  let seed = 0x5eed1234;
  return () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const chance = (p: number) => random() < p;

// Common and rare characters, so that term lists differ in length; kana in both scripts, small
// kana and ー (folded away), Latin letters and digits, and separators the normaliser drops.
const COMMON = [...'のねこまやかしはんつ'];
const RARE = [...'猫心本山川星水戸ゆよきくみ'];
const LATIN = [...'aesrxC129'];
const FOLDED = [...'ネコノヤッャーｶ'];
const DROPPED = [' ', '・', '!', '「', '」'];
const KATAKANA = [...'ネコマヤカシハンツキクミユヨノ'];
const BRANCHES = ['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara'];
/** Digit strings that are (or look like) ISBNs, shared by several records and inside some titles. */
const NUMBERS = ['4101010013', '9784101010014', '1234567890', '9784774100012'];

const word = (min: number, max: number): string => {
  const length = min + Math.floor(random() * (max - min + 1));
  let text = '';
  for (let i = 0; i < length; i += 1) {
    const r = random();
    text += pick(r < 0.5 ? COMMON : r < 0.7 ? RARE : r < 0.82 ? LATIN : r < 0.94 ? FOLDED : DROPPED);
  }
  return text;
};
const reading = (): string =>
  Array.from({ length: 1 + Math.floor(random() * 3) }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(KATAKANA)).join('')).join(' ');

const sharedReadings = ['ネコ', 'ココロ', 'ホン'];
const generated: SearchableTitle[] = Array.from({ length: 400 }, (_, i) => {
  const r = random();
  const [materialType, subtype] =
    r < 0.55
      ? (['BOOK', undefined] as const)
      : r < 0.7
        ? (['BOOK', 'KAMISHIBAI'] as const)
        : r < 0.85
          ? (['MAGAZINE', undefined] as const)
          : (['AV', undefined] as const);
  const number = chance(0.06) ? pick(NUMBERS) : '';
  return {
    // Ids in an order unrelated to the document order, some titles and readings equal.
    titleId: `G${String((i * 7919) % 1000).padStart(3, '0')}`,
    title: chance(0.05) ? 'ねこ' : `${word(1, 6)}${number}${chance(0.5) ? word(0, 4) : ''}`,
    ...(chance(0.85) ? { titleReading: chance(0.1) ? pick(sharedReadings) : reading() } : {}),
    ...(chance(0.7) ? { author: word(2, 5) } : {}),
    ...(chance(0.6) ? { authorReading: reading() } : {}),
    ...(chance(0.6) ? { publisher: word(2, 5) } : {}),
    ...(chance(0.2) ? { series: word(2, 6) } : {}),
    ...(chance(0.15) ? { isbn: pick(NUMBERS) } : {}),
    materialType,
    ...(subtype ? { subtype } : {}),
    branches: BRANCHES.filter(() => chance(0.35)),
  };
});

// ---- the model --------------------------------------------------------------------------------

const FIELDS = ['title', 'titleReading', 'author', 'authorReading', 'publisher', 'series'] as const;
type Field = (typeof FIELDS)[number];
const NO_MATCH = 7;

/** Tier of `text` in one title: 0 exact title … 6 publisher or series (rank.ts), NO_MATCH if absent. */
const tierIn = (fields: Record<Field, string>, text: string, allowed: readonly Field[]): number => {
  const tiers: number[] = [NO_MATCH];
  const has = (f: Field) => allowed.includes(f) && text !== '' && fields[f].includes(text);
  if (has('title')) tiers.push(fields.title === text ? 0 : fields.title.startsWith(text) ? 1 : 2);
  if (has('titleReading')) tiers.push(fields.titleReading.startsWith(text) ? 3 : 4);
  if (has('author') || has('authorReading')) tiers.push(5);
  if (has('publisher') || has('series')) tiers.push(6);
  return Math.min(...tiers);
};

interface Constraint {
  readonly text: string;
  readonly allowed: readonly Field[];
  readonly isbnKey: number;
}

const modelRecords = new Map<SearchableTitle, { fields: Record<Field, string>; key: number; sortKey: string }>();
const modelRecord = (title: SearchableTitle) => {
  let record = modelRecords.get(title);
  if (!record) {
    const fields = Object.fromEntries(FIELDS.map((f) => [f, normalizeForSearch(title[f] ?? '')])) as Record<Field, string>;
    record = { fields, key: isbnSearchKey(title.isbn), sortKey: normalizeForSearch(title.titleReading || title.title) };
    modelRecords.set(title, record);
  }
  return record;
};

const modelSearch = (catalog: readonly SearchableTitle[], query: SearchQuery): string[] => {
  const constraints: Constraint[] = [];
  const phrases: Constraint[] = [];
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  const addText = (value: string | undefined, allowed: readonly Field[], isbn: boolean) => {
    if (blank(value)) return;
    const terms = isbn && toIsbn13(value!) ? [normalizeForSearch(value!)] : searchTerms(value!);
    for (const text of terms) constraints.push({ text, allowed, isbnKey: isbn ? isbnSearchKey(text) : Number.NaN });
    if (terms.length > 1) phrases.push({ text: terms.join(''), allowed, isbnKey: Number.NaN });
  };
  addText(query.q, FIELDS, true);
  addText(query.title, ['title', 'titleReading'], false);
  addText(query.author, ['author', 'authorReading'], false);
  addText(query.publisher, ['publisher'], false);
  if (!blank(query.isbn)) constraints.push({ text: '', allowed: [], isbnKey: isbnSearchKey(query.isbn) });
  const branch = blank(query.branch) ? undefined : query.branch;
  if (constraints.length === 0 && query.type === undefined && branch === undefined) return [];

  const scored: { titleId: string; sortKey: string; tier: number }[] = [];
  for (const title of catalog) {
    const kind = title.subtype === 'KAMISHIBAI' ? 'KAMISHIBAI' : title.materialType;
    if (query.type !== undefined && !(query.type === kind || (query.type === 'BOOK' && kind === 'KAMISHIBAI'))) continue;
    if (branch !== undefined && !title.branches.includes(branch)) continue;
    const { fields, key } = modelRecord(title);
    const tierOf = (c: Constraint) => (c.isbnKey === key ? 0 : tierIn(fields, c.text, c.allowed));
    const tiers = constraints.map(tierOf);
    if (tiers.some((t) => t === NO_MATCH)) continue;
    const tier = Math.min(constraints.length === 0 ? 0 : NO_MATCH, ...tiers, ...phrases.map(tierOf));
    scored.push({ titleId: title.titleId, sortKey: modelRecord(title).sortKey, tier });
  }
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return scored.sort((a, b) => a.tier - b.tier || byCodeUnits(a.sortKey, b.sortKey) || byCodeUnits(a.titleId, b.titleId)).map((s) => s.titleId);
};

// ---- queries ------------------------------------------------------------------------------------

/** A piece of some title's field as written (not normalised), 1–4 characters. */
const pieceOf = (field: Field): string => {
  for (;;) {
    const value = pick(generated)[field];
    if (!value) continue;
    const chars = [...value];
    const length = 1 + Math.floor(random() * Math.min(4, chars.length));
    const from = Math.floor(random() * (chars.length - length + 1));
    return chars.slice(from, from + length).join('');
  }
};
const anyPiece = () => (chance(0.15) ? word(1, 3) : pieceOf(pick(FIELDS)));
const terms = (count: number, piece: () => string) => Array.from({ length: count }, piece).join(pick([' ', '　']));

const expectSameAsModel = (index: SearchIndex, queries: readonly SearchQuery[]) => {
  let found = 0;
  for (const query of queries) {
    const expected = modelSearch(generated, query);
    found += expected.length;
    expect({ query, ids: index.search(query) }).toEqual({ query, ids: expected });
  }
  // The queries are not all empty-handed: the comparison means something.
  expect(found).toBeGreaterThan(queries.length);
};

const freeTextQueries: SearchQuery[] = Array.from({ length: 150 }, (_, i) => ({ q: terms(1 + (i % 3), anyPiece) }));
const fieldQueries: SearchQuery[] = Array.from({ length: 120 }, (_, i) =>
  i % 3 === 0
    ? { title: terms(1 + (i % 2), () => pieceOf(pick(['title', 'titleReading']))) }
    : i % 3 === 1
      ? { author: terms(1, () => pieceOf(pick(['author', 'authorReading']))), ...(i % 2 ? { title: pieceOf('title') } : {}) }
      : { publisher: pieceOf('publisher'), ...(i % 2 ? { q: pieceOf('series') } : {}) },
);
const filterQueries: SearchQuery[] = [
  ...(['BOOK', 'KAMISHIBAI', 'MAGAZINE', 'AV'] as const).map((type) => ({ type })),
  ...BRANCHES.map((branch) => ({ branch })),
  ...Array.from({ length: 60 }, (_, i) => ({
    q: pieceOf(pick(FIELDS)),
    ...(i % 2 === 0 ? { type: pick(['BOOK', 'KAMISHIBAI', 'MAGAZINE', 'AV'] as const) } : {}),
    ...(i % 3 !== 1 ? { branch: pick(BRANCHES) } : {}),
  })),
];

describe('SPEC 4 search agrees with a plain scan of the catalog (400 generated titles)', () => {
  it('free text (q): one to three terms, each in any field; ranked by the best field, then reading, then titleId', () => {
    expectSameAsModel(buildSearchIndex(generated), freeTextQueries);
  });

  it('per-field parameters: title, author and publisher look only at their fields, and combine with q', () => {
    expectSameAsModel(buildSearchIndex(generated), fieldQueries);
  });

  it('material type and branch filters, alone and with a term', () => {
    expectSameAsModel(buildSearchIndex(generated), filterQueries);
  });

  it('every character in the catalog, as a one-character query, finds exactly the titles holding it', () => {
    const characters = new Set(generated.flatMap((t) => FIELDS.flatMap((f) => [...normalizeForSearch(t[f] ?? '')])));
    expect(characters.size).toBeGreaterThan(30);
    expectSameAsModel(
      buildSearchIndex(generated),
      [...characters].map((q) => ({ q })),
    );
  });

  it('a term spanning the end of one field and the start of the next matches neither', () => {
    const index = buildSearchIndex(generated);
    let spanning = 0;
    for (const title of generated.slice(0, 150)) {
      const [first, second] = [normalizeForSearch(title.title), normalizeForSearch(title.titleReading ?? '')];
      if (!first || !second) continue;
      const q = first.slice(-2) + second.slice(0, 2);
      spanning += 1;
      expect({ q, ids: index.search({ q }) }).toEqual({ q, ids: modelSearch(generated, { q }) });
    }
    expect(spanning).toBeGreaterThan(100);
  });

  it('an ISBN-like number in q finds both the titles recorded with it and the titles whose text holds it', () => {
    const index = buildSearchIndex(generated);
    for (const number of NUMBERS) {
      const byIsbn = generated.filter((t) => t.isbn === number).length;
      const byText = generated.filter((t) => t.title.includes(number)).length;
      expect({ number, byIsbn: byIsbn > 2, byText: byText > 0 }).toEqual({ number, byIsbn: true, byText: true });
    }
    expectSameAsModel(index, [...NUMBERS.map((q) => ({ q })), ...NUMBERS.map((isbn) => ({ isbn })), ...NUMBERS.map((n) => ({ q: `${n} ${pieceOf('title')}` }))]);
  });

  it('a stored and loaded index answers like the one built', () => {
    const loaded = deserializeSearchIndex(serializeSearchIndex(buildSearchIndex(generated)));
    expect(loaded.size).toBe(generated.length);
    expectSameAsModel(loaded, [...freeTextQueries.slice(0, 50), ...fieldQueries.slice(0, 30), ...filterQueries.slice(0, 30)]);
  });
});
