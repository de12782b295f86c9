/**
 * The index as bytes, to store next to the catalog and load once per cold start. Layout
 * (before gzip): magic, version, document count, then blocks — header JSON, titleIds,
 * document texts (UTF-16LE: decoding it is a copy, a third of UTF-8's cost at 1,000,000
 * titles, and it gzips smaller for Japanese text; decision 020), materials, branch masks and ISBN keys (varints), gram keys
 * (varint gaps), postings byte lengths (varints), postings (as held in memory).
 */
import { isAscii } from 'node:buffer';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ByteReader, ByteWriter } from './buffers.js';
import { NgramSearchIndex } from './engine.js';
import { docStringList, JoinedStrings, type DocStrings } from './doc-strings.js';
import { FIELD_COUNT, SEPARATOR_CODE, type IndexData } from './layout.js';
import type { SearchIndex } from './types.js';

const MAGIC = [0x4c, 0x53, 0x49, 0x58]; // "LSIX"
/**
 * 2: issue 10's folds (ヴ, long vowels, 旧字体); a version 1 index holds texts in the old fold.
 * 3: document texts in UTF-16LE instead of UTF-8 (issue 12).
 */
const VERSION = 3;
/** The format this code writes and reads: an index stored in another is rebuilt (jobs/search-index.ts). */
export const SEARCH_INDEX_FORMAT = VERSION;
const DOC_SEPARATOR = '\u0000'; // removed by normalisation, so never inside a document
const ID_SEPARATOR = '\n';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

const toUtf16 = (text: string): Uint8Array => {
  const buffer = Buffer.from(text, 'utf16le');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

/** UTF-16LE decodes any even number of bytes; a lone surrogate shows that they were damaged. */
const decodeUtf16 = (bytes: Uint8Array): string => {
  if (bytes.length % 2 !== 0) throw new RangeError('search index: corrupt text');
  // Buffer keeps a lone surrogate (TextDecoder would replace it), so damage can be seen.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  // ES2024 (Node 20 and later); the compiler's lib predates it.
  if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new RangeError('search index: corrupt text');
  return text;
};

const splitOrEmpty = (text: string, separator: string, count: number): string[] => {
  const parts = count === 0 ? [] : text.split(separator);
  if (parts.length !== count) throw new RangeError('search index: corrupt document list');
  return parts;
};

const corruptList = () => new RangeError('search index: corrupt document list');

/** Where each document starts in `joined`, and one more entry past the last (ASCII ids). */
const startsOfAscii = (bytes: Uint8Array, count: number): Uint32Array => {
  const starts = new Uint32Array(count + 1);
  let doc = 1;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== 0x0a) continue;
    if (doc >= count) throw corruptList();
    starts[doc++] = i + 1;
  }
  if (count > 0 && doc !== count) throw corruptList();
  starts[count] = bytes.length + 1;
  return starts;
};

const decodeTitleIds = (bytes: Uint8Array, count: number): DocStrings => {
  // The catalog's ids are ASCII: one byte a character, so byte offsets are string offsets.
  if (!isAscii(bytes)) return splitOrEmpty(fromUtf8.decode(bytes), ID_SEPARATOR, count);
  const starts = startsOfAscii(bytes, count);
  return new JoinedStrings(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), starts);
};

/**
 * The texts, cut per document on first use, and their field starts (computeFieldStarts in
 * layout.ts), both from one pass over the UTF-16LE bytes: a million splits and six million
 * indexOf calls were ~0.3 s of a cold start (decision 020).
 */
const decodeTexts = (bytes: Uint8Array, count: number): { texts: DocStrings; fieldStarts: Uint16Array } => {
  const joined = decodeUtf16(bytes);
  const perDoc = FIELD_COUNT - 1;
  const starts = new Uint32Array(count + 1);
  const fieldStarts = new Uint16Array(count * perDoc);
  let doc = 0;
  let field = 0;
  let docStart = 0;
  const missing = () => new RangeError('search index: document with missing fields');
  for (let i = 0, at = 0; i < bytes.length; i += 2, at += 1) {
    if (bytes[i + 1] !== 0) continue;
    const code = bytes[i];
    if (code === SEPARATOR_CODE) {
      if (field < perDoc) fieldStarts[doc * perDoc + field] = at - docStart + 1;
      field += 1;
    } else if (code === 0) {
      if (doc + 1 >= count) throw corruptList();
      if (field < perDoc) throw missing();
      doc += 1;
      field = 0;
      docStart = at + 1;
      starts[doc] = docStart;
    }
  }
  if (count > 0 && doc !== count - 1) throw corruptList();
  if (count > 0 && field < perDoc) throw missing();
  if (count === 0 && bytes.length > 0) throw corruptList();
  starts[count] = joined.length + 1;
  return { texts: new JoinedStrings(joined, starts), fieldStarts };
};

/** The uncompressed encoding (exported for the bench, which reports both sizes). */
export const encodeIndexData = (data: IndexData): Uint8Array => {
  const titleIds = docStringList(data.titleIds);
  if (titleIds.some((id) => id.includes(ID_SEPARATOR))) throw new RangeError('search index: titleId with a newline');
  const w = new ByteWriter(data.postings.length * 2);
  w.bytes(Uint8Array.from([...MAGIC, VERSION]));
  w.varint(titleIds.length);
  w.block(utf8.encode(JSON.stringify({ branchCodes: data.branchCodes })));
  w.block(utf8.encode(titleIds.join(ID_SEPARATOR)));
  w.block(toUtf16(docStringList(data.texts).join(DOC_SEPARATOR)));
  w.block(data.materials);
  for (const mask of data.branchMasks) w.varint(mask);
  for (const key of data.isbnKeys) w.varint(Number.isNaN(key) ? 0 : key);
  w.varint(data.gramKeys.length);
  let previous = 0;
  for (const key of data.gramKeys) {
    w.varint(key - previous);
    previous = key;
  }
  for (let g = 0; g < data.gramKeys.length; g += 1) w.varint((data.gramOffsets[g + 1] ?? 0) - (data.gramOffsets[g] ?? 0));
  w.block(data.postings);
  return w.toBytes();
};

export const decodeIndexData = (bytes: Uint8Array): IndexData => {
  const r = new ByteReader(bytes);
  const magic = r.bytes(MAGIC.length + 1);
  if (MAGIC.some((b, i) => magic[i] !== b) || magic[MAGIC.length] !== VERSION)
    throw new RangeError(`search index: not a version ${VERSION} index (rebuild it: the search-index job)`);
  const count = r.varint();
  const header = JSON.parse(fromUtf8.decode(r.block())) as { branchCodes: string[] };
  const titleIds = decodeTitleIds(r.block(), count);
  const textBytes = r.block();
  const { texts, fieldStarts } = decodeTexts(textBytes, count);
  const materials = r.block().slice();
  if (materials.length !== count) throw new RangeError('search index: corrupt materials');
  const branchMasks = new Uint32Array(count);
  for (let doc = 0; doc < count; doc += 1) branchMasks[doc] = r.varint();
  const isbnKeys = new Float64Array(count);
  for (let doc = 0; doc < count; doc += 1) isbnKeys[doc] = r.varint() || Number.NaN;
  const gramCount = r.varint();
  const gramKeys = new Uint32Array(gramCount);
  let key = 0;
  for (let g = 0; g < gramCount; g += 1) gramKeys[g] = key += r.varint();
  const gramOffsets = new Uint32Array(gramCount + 1);
  for (let g = 0; g < gramCount; g += 1) gramOffsets[g + 1] = (gramOffsets[g] ?? 0) + r.varint();
  // A copy, so the decompressed buffer (texts and all) can be collected.
  const postings = r.block().slice();
  if (postings.length !== gramOffsets[gramCount]) throw new RangeError('search index: corrupt postings');
  return {
    titleIds,
    texts,
    fieldStarts,
    materials,
    branchMasks,
    branchCodes: header.branchCodes,
    isbnKeys,
    gramKeys,
    gramOffsets,
    postings,
  };
};

/**
 * Gzipped encoding of an index built by buildSearchIndex or loaded by deserializeSearchIndex.
 * Default level: level 9 saves under 1% here for three times the time.
 */
export const serializeSearchIndex = (index: SearchIndex): Uint8Array => {
  if (!(index instanceof NgramSearchIndex)) throw new TypeError('serializeSearchIndex: not an index from buildSearchIndex');
  return new Uint8Array(gzipSync(encodeIndexData(index.data)));
};

/** Output pieces of 1 MB instead of zlib's 16 KB: gunzip of 139 MB at 1M titles 330 → 270 ms (decision 020). */
const GUNZIP_CHUNK = 1 << 20;

export const deserializeSearchIndex = (bytes: Uint8Array): SearchIndex => new NgramSearchIndex(decodeIndexData(gunzipSync(bytes, { chunkSize: GUNZIP_CHUNK })));
