/**
 * The n-gram inverted index: for every pair of adjacent characters (UTF-16 code units) within
 * a field, and for every single character, the sorted list of documents containing it. A
 * query term of two or more characters can only occur in documents that hold all of its
 * bigrams; the engine then verifies the substring itself (all bigrams present does not mean
 * adjacent, in order). Single-character terms use the character's own list.
 *
 * Keys: a bigram is `first << 16 | second`; a character is its code unit alone, i.e. a
 * "bigram" whose first unit is U+0000, which normalisation removes from all text, so the two
 * kinds share one dictionary without colliding.
 */
import { ByteWriter, U32Builder } from './buffers.js';
import { SEPARATOR_CODE } from './layout.js';

export const bigramKey = (text: string, i: number): number => ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;

/** The distinct gram keys to look up for a normalised term: its bigrams, or its one character. */
export const termGrams = (term: string): number[] => {
  if (term.length === 1) return [term.charCodeAt(0)];
  const keys = new Set<number>();
  for (let i = 0; i + 1 < term.length; i += 1) keys.add(bigramKey(term, i));
  return [...keys];
};

/**
 * The gram keys of a term that may also be read as `other` (same length, some characters
 * different): per gram, the distinct keys it may have (one where neither character differs).
 */
export const termGramOptions = (term: string, other: string): number[][] => {
  if (term.length === 1) return [[...new Set([term.charCodeAt(0), other.charCodeAt(0)])]];
  const options: number[][] = [];
  for (let i = 0; i + 1 < term.length; i += 1) {
    const keys = new Set<number>();
    for (const first of [term, other]) for (const second of [term, other]) keys.add(((first.charCodeAt(i) << 16) | second.charCodeAt(i + 1)) >>> 0);
    options.push([...keys]);
  }
  return options;
};

export interface Postings {
  readonly gramKeys: Uint32Array;
  readonly gramOffsets: Uint32Array;
  readonly postings: Uint8Array;
}

/** Builds the postings of documents given in document-number order. */
export const buildPostings = (texts: readonly string[]): Postings => {
  const gramOf = new Map<number, number>();
  const keys: number[] = [];
  const counts: number[] = [];
  const lastDoc: number[] = []; // document number + 1 that last counted the gram
  const docGrams = new U32Builder();
  const docEnds = new Uint32Array(texts.length);

  /** Counts `key` once per document (documents arrive in order). */
  const add = (key: number, doc: number): void => {
    let gram = gramOf.get(key);
    if (gram === undefined) {
      gram = keys.length;
      gramOf.set(key, gram);
      keys.push(key);
      counts.push(0);
      lastDoc.push(0);
    }
    if (lastDoc[gram] === doc + 1) return;
    lastDoc[gram] = doc + 1;
    counts[gram] = (counts[gram] ?? 0) + 1;
    docGrams.push(gram);
  };

  texts.forEach((text, doc) => {
    for (let i = 0; i < text.length; i += 1) {
      const a = text.charCodeAt(i);
      if (a === SEPARATOR_CODE) continue;
      add(a, doc);
      const b = i + 1 < text.length ? text.charCodeAt(i + 1) : SEPARATOR_CODE;
      if (b !== SEPARATOR_CODE) add(((a << 16) | b) >>> 0, doc);
    }
    docEnds[doc] = docGrams.length;
  });

  // Grams in key order, so a query finds a gram by binary search.
  const gramCount = keys.length;
  const order = Array.from({ length: gramCount }, (_, g) => g).sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0));
  const rank = new Uint32Array(gramCount);
  const gramKeys = new Uint32Array(gramCount);
  order.forEach((g, r) => {
    rank[g] = r;
    gramKeys[r] = keys[g] ?? 0;
  });

  // Document numbers grouped by gram; documents are visited in order, so each list is sorted.
  const starts = new Uint32Array(gramCount + 1);
  for (let r = 0; r < gramCount; r += 1) starts[r + 1] = (starts[r] ?? 0) + (counts[order[r] ?? 0] ?? 0);
  const fill = starts.slice(0, gramCount);
  const flat = new Uint32Array(starts[gramCount] ?? 0);
  const grams = docGrams.view();
  let from = 0;
  docEnds.forEach((end, doc) => {
    for (let k = from; k < end; k += 1) {
      const r = rank[grams[k] ?? 0] ?? 0;
      const at = fill[r] ?? 0;
      flat[at] = doc;
      fill[r] = at + 1;
    }
    from = end;
  });

  const writer = new ByteWriter(flat.length * 2);
  const gramOffsets = new Uint32Array(gramCount + 1);
  for (let r = 0; r < gramCount; r += 1) {
    let previous = 0;
    for (let k = starts[r] ?? 0; k < (starts[r + 1] ?? 0); k += 1) {
      const doc = flat[k] ?? 0;
      writer.varint(doc - previous); // the first number is its gap from 0
      previous = doc;
    }
    gramOffsets[r + 1] = writer.length;
  }
  return { gramKeys, gramOffsets, postings: writer.toBytes() };
};

/** Position of `key` in the sorted gram keys, or -1. */
export const findGram = (gramKeys: Uint32Array, key: number): number => {
  let low = 0;
  let high = gramKeys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = gramKeys[mid] ?? 0;
    if (value === key) return mid;
    if (value < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
};

/** Encoded size of a gram's list: proportional to its length, known without decoding. */
export const postingsBytes = (p: Postings, gram: number): number => (p.gramOffsets[gram + 1] ?? 0) - (p.gramOffsets[gram] ?? 0);

export const decodePostings = (p: Postings, gram: number): Uint32Array => {
  const bytes = p.postings;
  const end = p.gramOffsets[gram + 1] ?? 0;
  let at = p.gramOffsets[gram] ?? 0;
  // Each number takes at least one byte, so the byte length bounds the count.
  const out = new Uint32Array(end - at);
  let n = 0;
  let doc = 0;
  while (at < end) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++] ?? 0;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte >= 0x80);
    doc += gap; // the first number is its gap from 0
    out[n++] = doc;
  }
  return out.subarray(0, n);
};
