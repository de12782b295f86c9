/**
 * Query execution: candidates from the postings (intersected across all grams of all terms),
 * then each candidate verified term by term on its normalised fields — which also yields its
 * tier — and filtered by material and branch. Only a query of filters alone scans every title.
 */
import { decodePostings, findGram, postingsBytes, termGramOptions, termGrams } from './ngrams.js';
import type { IndexData } from './layout.js';
import type { ReadingPattern } from './particles.js';
import { planQuery, type QueryPlan, type TermConstraint } from './plan.js';
import { NO_MATCH, patternTier, termTier, TIER_COUNT } from './rank.js';
import { intersect, union } from './sorted-sets.js';
import type { SearchIndex, SearchQuery } from './types.js';

const NONE = new Uint32Array(0);
/**
 * Stop intersecting once the candidates are this many times fewer than the next list's
 * encoded bytes: verifying a few candidates costs less than decoding a long list.
 */
const DECODE_RATIO = 64;

export class NgramSearchIndex implements SearchIndex {
  constructor(readonly data: IndexData) {}

  get size(): number {
    return this.data.titleIds.length;
  }

  search(query: SearchQuery): string[] {
    const plan = planQuery(query, this.data.branchCodes);
    if (!plan) return [];
    const buckets: number[][] = Array.from({ length: TIER_COUNT }, () => []);
    const candidates = this.candidates(plan);
    if (candidates) for (const doc of candidates) this.visit(plan, doc, buckets);
    else for (let doc = 0; doc < this.size; doc += 1) this.visit(plan, doc, buckets);
    const ids = this.data.titleIds;
    const result: string[] = [];
    for (const docs of buckets) for (const doc of docs) result.push(ids.at(doc) ?? '');
    return result;
  }

  private visit(plan: QueryPlan, doc: number, buckets: number[][]): void {
    const { materials, branchMasks } = this.data;
    if ((plan.materials & (1 << (materials[doc] ?? 0))) === 0) return;
    if (plan.branchBit !== 0 && ((branchMasks[doc] ?? 0) & plan.branchBit) === 0) return;
    let best = plan.constraints.length === 0 ? 0 : NO_MATCH;
    for (const c of plan.constraints) {
      const tier = c.reading ? this.particleTier(doc, c, c.reading) : termTier(this.data, doc, c.text, c.fields, c.isbnKey);
      if (tier === NO_MATCH) return;
      if (tier < best) best = tier;
    }
    for (const p of plan.phrases) {
      if (best === 0) break;
      best = Math.min(best, p.reading ? this.particleTier(doc, p, p.reading) : termTier(this.data, doc, p.text, p.fields, p.isbnKey));
    }
    buckets[best]?.push(doc);
  }

  private particleTier(doc: number, c: TermConstraint, reading: ReadingPattern): number {
    return c.isbnKey === this.data.isbnKeys[doc] ? 0 : patternTier(this.data, doc, c.text, c.fields, reading);
  }

  /** Sorted candidate documents, or undefined when there is no term to look up (filters only). */
  private candidates(plan: QueryPlan): Uint32Array | undefined {
    if (plan.constraints.length === 0) return undefined;
    const lists = plan.constraints.map((c) => this.termCandidates(c));
    lists.sort((a, b) => a.length - b.length);
    return lists.reduce((acc, list) => (acc.length === 0 ? acc : intersect(acc, list)));
  }

  private termCandidates(c: TermConstraint): Uint32Array {
    const text = c.text === '' ? NONE : c.reading ? this.particleCandidates(c.text, c.reading.pronounced) : this.gramCandidates(c.text);
    return Number.isNaN(c.isbnKey) ? text : union(this.isbnCandidates(c.isbnKey), text);
  }

  private gramCandidates(text: string): Uint32Array {
    const grams: number[] = [];
    for (const key of termGrams(text)) {
      const gram = findGram(this.data.gramKeys, key);
      if (gram < 0) return NONE;
      grams.push(gram);
    }
    grams.sort((a, b) => postingsBytes(this.data, a) - postingsBytes(this.data, b));
    let result = decodePostings(this.data, grams[0] ?? 0);
    for (const gram of grams.slice(1)) {
      if (result.length === 0 || result.length * DECODE_RATIO < postingsBytes(this.data, gram)) break;
      result = intersect(result, decodePostings(this.data, gram));
    }
    return result;
  }

  /**
   * Documents that may hold `text` with any of its particles pronounced: each gram of the
   * text, or the same gram of `pronounced`, must be present. A necessary condition only, like
   * gramCandidates; the tier check verifies.
   */
  private particleCandidates(text: string, pronounced: string): Uint32Array {
    const keys = termGramOptions(text, pronounced);
    let result: Uint32Array | undefined;
    for (const options of keys) {
      let list: Uint32Array = NONE;
      for (const key of options) {
        const gram = findGram(this.data.gramKeys, key);
        if (gram >= 0) list = list.length === 0 ? decodePostings(this.data, gram) : union(list, decodePostings(this.data, gram));
      }
      result = result === undefined ? list : intersect(result, list);
      if (result.length === 0) return NONE;
    }
    return result ?? NONE;
  }

  private isbnCandidates(key: number): Uint32Array {
    const docs: number[] = [];
    const keys = this.data.isbnKeys;
    for (let doc = 0; doc < keys.length; doc += 1) if (keys[doc] === key) docs.push(doc);
    return Uint32Array.from(docs);
  }
}
