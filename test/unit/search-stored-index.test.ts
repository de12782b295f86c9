import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { NgramSearchIndex } from '../../functions/domain/search/engine.js';
import { buildSearchIndex, deserializeSearchIndex, serializeSearchIndex, type SearchableTitle, type SearchIndex } from '../../functions/domain/search/index.js';
import type { IndexData } from '../../functions/domain/search/layout.js';
import { encodeIndexData } from '../../functions/domain/search/serialize.js';
import { docStringList } from '../../functions/domain/search/doc-strings.js';

/**
 * SPEC 4 search, docs/decisions/005: the index is built when the catalog changes, stored next to
 * the data and loaded at every cold start, so a Lambda of a newer deploy may read an index an
 * older one wrote, and a damaged object must not turn into wrong search results. What is stored
 * is version 1 of a fixed format; anything else is refused when it is loaded.
 */

const book = (titleId: string, title: string, more: Partial<SearchableTitle> = {}): SearchableTitle => ({
  titleId,
  title,
  materialType: 'BOOK',
  branches: ['central'],
  ...more,
});
const catalog = [
  book('T1', '吾輩は猫である', { titleReading: 'ワガハイ ワ ネコ デ アル', author: '夏目漱石', isbn: '4-10-101001-3', branches: ['east', 'central'] }),
  book('T2', 'ねこのおつかい', { titleReading: 'ネコ ノ オツカイ', subtype: 'KAMISHIBAI', branches: ['miwa'] }),
  book('T3', '暮しの手帖', { materialType: 'MAGAZINE', publisher: '暮しの手帖社', series: '暮しの手帖' }),
];
/** The catalog above, encoded (before gzip) by version 3 (version 2 held the document texts in UTF-8). */
const VERSION_3_ENCODING = [
  '4c5349580303297b226272616e6368436f646573223a5b2263656e7472616c222c2265617374222c226d697761225d7d',
  '0854320a54310a543388016d3053306e304a3064304b30443001006d3053306e304a3064304b30443001000100010001',
  '0000003e54298f6f302b73673042308b3001008f304c306f3044308f306d305330673042308b3001000f59ee76316ff3',
  '770100010001000000ae6657306e304b62165e0100010001000100ae6657306e304b62165e3e790100ae6657306e304b',
  '62165e0301000204030100def4f5cee09c020033c2600206010107040d030601011c04af47d109870ab508e3088311fa',
  '07c3078502cb02eb2be2c2868203848008d5ff17e0ff03ab8004f8ff1b07808010ddff33f7ff0b918018f7ff038164f9',
  '9b03e78501a1fa7e21bcbdbd9d02c5cfc326d0849c28d8c9d321c1a48b239c8f8d44f4f0e61fcafd8c1ebe82ebc10101',
  '020101010201010102020101010101010101010101010101010101010101010101010201010101010101010101010101',
  '010138010001000001000102000100010002010101010102020201010101020101010000010100020001000100020101',
  '0101010102020201010101',
].join('');

const dataOf = (index: SearchIndex): IndexData => (index as NgramSearchIndex).data;
/** Built in each test, not at import, so that mutation testing sees which test ran which code. */
const encodedCatalog = () => encodeIndexData(dataOf(buildSearchIndex(catalog)));
const stored = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const indexOfBytes = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).indexOf(Buffer.from(needle));

describe('SPEC 4 stored search index: the format', () => {
  it('is version 3 byte for byte (a change of format needs a new version, or old readers misread it)', () => {
    const encoded = encodedCatalog();
    // "LSIX", version 3, three documents, then the header with the branch codes in code order.
    expect(hex(encoded.subarray(0, 6))).toBe('4c5349580303');
    expect(Buffer.from(encoded).includes(Buffer.from('{"branchCodes":["central","east","miwa"]}'))).toBe(true);
    expect(hex(encoded)).toBe(VERSION_3_ENCODING);
  });

  it('holds a very long field of few distinct characters (the writer grows past its first guess)', () => {
    const long = book('L1', 'あ'.repeat(20_000), { author: '水戸' });
    const loaded = deserializeSearchIndex(serializeSearchIndex(buildSearchIndex([long, ...catalog])));
    expect(loaded.search({ q: 'ああああ' })).toEqual(['L1']);
    expect(loaded.search({ author: '水戸' })).toEqual(['L1']);
    expect(loaded.search({ q: 'ねこ' })).toEqual(['T2', 'T1']);
  });
});

describe('SPEC 4 stored search index: damaged or foreign bytes are refused, never half-read', () => {
  it('every truncation of a stored index is refused', () => {
    const encoded = encodedCatalog();
    for (let length = 0; length < encoded.length; length += 1) {
      expect(() => deserializeSearchIndex(stored(encoded.slice(0, length))), `truncated to ${length} bytes`).toThrow(/^search index: truncated (varint|block)$/);
    }
  });

  it('another magic, or another version, is refused', () => {
    const encoded = encodedCatalog();
    for (const [at, value] of [
      [0, 0x4d],
      [3, 0x59],
      [4, 2],
      [4, 4],
    ] as const) {
      const bytes = encoded.slice();
      bytes[at] = value;
      expect(() => deserializeSearchIndex(stored(bytes)), `byte ${at} = ${value}`).toThrow(/not a version 3 index/);
    }
  });

  it('a document count that disagrees with the documents is refused', () => {
    const bytes = encodedCatalog();
    bytes[5] = 4;
    expect(() => deserializeSearchIndex(stored(bytes))).toThrow(/corrupt document list/);
  });

  it('damaged text (half a surrogate pair in the UTF-16 documents) is refused rather than read', () => {
    const bytes = encodedCatalog();
    const at = indexOfBytes(bytes, Buffer.from('ねこのおつかい', 'utf16le'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 0xd8; // ね (U+306D) becomes U+D86D, a high surrogate followed by こ
    expect(() => deserializeSearchIndex(stored(bytes))).toThrow(/corrupt text/);
  });

  it('parts that disagree with each other are refused: materials, postings, field separators', () => {
    const data = dataOf(buildSearchIndex(catalog));
    const reencoded = (changes: Partial<IndexData>) => stored(encodeIndexData({ ...data, ...changes }));
    expect(() => deserializeSearchIndex(reencoded({ materials: data.materials.slice(1) }))).toThrow(/corrupt materials/);
    expect(() => deserializeSearchIndex(reencoded({ postings: data.postings.slice(1) }))).toThrow(/corrupt postings/);
    expect(() => deserializeSearchIndex(reencoded({ texts: ['吾輩は猫である', ...docStringList(data.texts).slice(1)] }))).toThrow(/document with missing fields/);
  });

  it('a titleId with a line break cannot be stored (it would come back as two ids)', () => {
    expect(() => serializeSearchIndex(buildSearchIndex([book('T\n1', 'こころ')]))).toThrow(/titleId with a newline/);
  });

  it('only indexes made by buildSearchIndex or deserializeSearchIndex can be stored', () => {
    expect(() => serializeSearchIndex({ size: 0, search: () => [] })).toThrow(/not an index from buildSearchIndex/);
  });
});

describe('SPEC 4 stored search index: texts and ids are cut per document when first used (decision 020)', () => {
  it('a loaded index answers each document with its own text and id, ASCII ids or not', () => {
    const withAccent = [...catalog, book('Té-4', '猫の事務所', { author: '宮沢賢治' })];
    const loaded = deserializeSearchIndex(serializeSearchIndex(buildSearchIndex(withAccent)));
    const built = buildSearchIndex(withAccent);
    for (const q of ['猫', 'ねこ', '暮し', '宮沢', 'ネコ ノ', '4-10-101001-3']) expect(loaded.search({ q }), q).toEqual(built.search({ q }));
    expect(loaded.search({ q: '事務所' })).toEqual(['Té-4']);
    expect(loaded.search({ type: 'MAGAZINE' })).toEqual(['T3']);
  });

  it('texts that hold more documents than the count are refused', () => {
    const data = dataOf(buildSearchIndex(catalog));
    const texts = docStringList(data.texts);
    const merged = stored(encodeIndexData({ ...data, texts: [`${texts[0]}\u0000${texts[1]}`, texts[1] ?? '', texts[2] ?? ''] }));
    expect(() => deserializeSearchIndex(merged)).toThrow(/corrupt document list/);
  });
});
