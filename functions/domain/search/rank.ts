/**
 * SPEC 4 ranking. Each term (and the whole phrase of a multi-term parameter) scores a tier
 * by the best field it occurs in; a title's tier is the best over its terms; lower is better:
 *
 *   0  title equals the text (normalised), or the ISBN equals
 *   1  title starts with the text
 *   2  title contains the text
 *   3  title reading starts with the text (or equals it)
 *   4  title reading contains the text
 *   5  author or author reading contains the text
 *   6  publisher or series contains the text
 *
 * A query with only filters ranks every title 0. Ties keep document order, which is the
 * normalised title reading then titleId (the order catalogs list titles in), so results are
 * grouped by tier without a comparison sort.
 */
import { FIELD_BIT, FIELD_COUNT, type IndexData } from './layout.js';
import type { ReadingPattern } from './particles.js';

export const TIER_COUNT = 7;
export const NO_MATCH = TIER_COUNT;

const FIELD_TIERS: ReadonlyArray<{ readonly exact: number; readonly prefix: number; readonly contains: number }> = [
  { exact: 0, prefix: 1, contains: 2 }, // title
  { exact: 3, prefix: 3, contains: 4 }, // titleReading
  { exact: 5, prefix: 5, contains: 5 }, // author
  { exact: 5, prefix: 5, contains: 5 }, // authorReading
  { exact: 6, prefix: 6, contains: 6 }, // publisher
  { exact: 6, prefix: 6, contains: 6 }, // series
];

/**
 * Tier of one term in one document, NO_MATCH if the term occurs in none of `fields`
 * (FIELD_BIT mask) and is not the document's ISBN. Fields are checked in tier order.
 */
export const termTier = (data: IndexData, doc: number, text: string, fields: number, isbnKey: number): number => {
  if (isbnKey === data.isbnKeys[doc]) return 0; // NaN equals nothing
  if (text === '') return NO_MATCH;
  const s = data.texts.at(doc) ?? '';
  const first = s.indexOf(text);
  if (first < 0) return NO_MATCH;
  const base = doc * (FIELD_COUNT - 1);
  for (let f = 0; f < FIELD_COUNT; f += 1) {
    if ((fields & (1 << f)) === 0) continue;
    const start = f === 0 ? 0 : (data.fieldStarts[base + f - 1] ?? 0);
    const end = f === FIELD_COUNT - 1 ? s.length : (data.fieldStarts[base + f] ?? 0) - 1;
    if (end - start < text.length) continue;
    // biome-ignore lint/style/noNonNullAssertion: f < FIELD_COUNT, one tier entry per field; a hot loop (every candidate)
    const tiers = FIELD_TIERS[f]!;
    if (s.startsWith(text, start)) return end - start === text.length ? tiers.exact : tiers.prefix;
    const at = first >= start ? first : s.indexOf(text, start);
    if (at >= 0 && at + text.length <= end) return tiers.contains;
  }
  return NO_MATCH;
};

const READING_FIELDS = FIELD_BIT.titleReading | FIELD_BIT.authorReading;

/**
 * termTier for a text with possible particles (particles.ts): literal in most fields, the
 * pattern in the readings. Kept apart from termTier, which every query runs per candidate.
 */
export const patternTier = (data: IndexData, doc: number, text: string, fields: number, reading: ReadingPattern): number => {
  const s = data.texts.at(doc) ?? '';
  const base = doc * (FIELD_COUNT - 1);
  for (let f = 0; f < FIELD_COUNT; f += 1) {
    if ((fields & (1 << f)) === 0) continue;
    const start = f === 0 ? 0 : (data.fieldStarts[base + f - 1] ?? 0);
    const end = f === FIELD_COUNT - 1 ? s.length : (data.fieldStarts[base + f] ?? 0) - 1;
    if (end - start < text.length) continue;
    // biome-ignore lint/style/noNonNullAssertion: f < FIELD_COUNT, one tier entry per field; a hot loop (every candidate)
    const tiers = FIELD_TIERS[f]!;
    if ((READING_FIELDS & (1 << f)) === 0) {
      if (s.startsWith(text, start)) return end - start === text.length ? tiers.exact : tiers.prefix;
      const at = s.indexOf(text, start);
      if (at >= 0 && at + text.length <= end) return tiers.contains;
      continue;
    }
    reading.sticky.lastIndex = start;
    if (reading.sticky.test(s)) return end - start === text.length ? tiers.exact : tiers.prefix;
    reading.global.lastIndex = start;
    const found = reading.global.exec(s);
    if (found && found.index + text.length <= end) return tiers.contains;
  }
  return NO_MATCH;
};
