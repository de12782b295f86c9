import { describe, expect, it } from 'vitest';
import { foldName, nameShard, parseLookupQuery } from '../../functions/domain/patron-lookup.js';

describe('SPEC 11 patron lookup queries', () => {
  it('8 digits are a card number; 4 to 7 its start; full-width digits fold', () => {
    expect(parseLookupQuery('10000001')).toEqual({ kind: 'card', cardNumber: '10000001' });
    expect(parseLookupQuery(' １０００ ')).toEqual({ kind: 'cardPrefix', prefix: '1000' });
    expect(parseLookupQuery('1000000')).toEqual({ kind: 'cardPrefix', prefix: '1000000' });
  });

  it.each(['', '   ', '・・', '1', '123', '123456789'])('%j is refused', (q) => {
    expect(parseLookupQuery(q).kind).toBe('invalid');
  });

  it('names fold like search: katakana, hiragana and half-width alike, spaces dropped', () => {
    expect(foldName('ヤマダ ハナコ')).toBe('やまだはなこ');
    expect(parseLookupQuery('ﾔﾏﾀﾞ')).toEqual({ kind: 'name', folded: 'やまだ' });
    expect(parseLookupQuery('やまだ　はなこ')).toEqual({ kind: 'name', folded: 'やまだはなこ' });
    expect(parseLookupQuery('水戸')).toEqual({ kind: 'name', folded: '水戸' });
  });

  it('the name partition is the first character, a whole code point', () => {
    expect(nameShard('やまだ')).toBe('や');
    expect(nameShard('𠮷田')).toBe('𠮷');
  });
});
