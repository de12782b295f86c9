import { describe, expect, it } from 'vitest';
import { byShelfOrder } from '../../functions/domain/fulfilment.js';
import { demoClassicTitleIds, generateDemoCatalog } from '../../lib/local/demo-catalog/index.js';

const sorted = (labels: (string | undefined)[]) =>
  labels
    .map((callNumber, i) => ({ itemId: `I${i}`, ...(callNumber ? { callNumber } : {}) }))
    .sort(byShelfOrder)
    .map((c) => c.callNumber ?? null);

describe('SPEC 5.4 shelf order of the pull list (by 請求記号)', () => {
  it('class numbers as decimals, then the author mark in kana order', () => {
    expect(sorted(['913.6/ナ', '913.68/ア', '007.6/ヤ', '913.6/ア', '914/イ', '146.8/カ'])).toEqual([
      '007.6/ヤ',
      '146.8/カ',
      '913.6/ア',
      '913.6/ナ',
      '913.68/ア',
      '914/イ',
    ]);
  });

  it('labels without a class number (E, K) after the classed ones; copies without a label last, by barcode', () => {
    expect(sorted([undefined, 'K/ゴ', 'E/ハ', '304/サ', undefined])).toEqual(['304/サ', 'E/ハ', 'K/ゴ', null, null]);
    const unlabelled = [{ itemId: 'B' }, { itemId: 'A' }].sort(byShelfOrder);
    expect(unlabelled.map((c) => c.itemId)).toEqual(['A', 'B']);
  });
});

describe('SPEC 4 the demo catalog labels its books as a Japanese library does', () => {
  const catalog = generateDemoCatalog({ titles: 300 });
  const labelOf = (titleId: string) => catalog.items.find((i) => i.titleId === titleId)?.callNumber;

  it('夏目漱石 is 913.6/ナ, ぐりとぐら a picture book E/ナ; every book copy has a label, no magazine copy does', () => {
    expect(labelOf(demoClassicTitleIds.wagahai)).toBe('913.6/ナ');
    expect(labelOf(demoClassicTitleIds.guriToGura)).toBe('E/ナ');
    const typeOf = new Map(catalog.titles.map((t) => [t.titleId, t.materialType]));
    for (const item of catalog.items) {
      if (typeOf.get(item.titleId) === 'BOOK') expect(item.callNumber, item.itemId).toMatch(/^(\d{3}(\.\d+)?|E|K)\/\S$/);
      if (typeOf.get(item.titleId) === 'MAGAZINE') expect(item.callNumber).toBeUndefined();
    }
  });
});
