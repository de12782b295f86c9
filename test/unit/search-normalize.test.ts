import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchTerms } from '../../functions/domain/search/index.js';

describe('SPEC 4 search normalisation', () => {
  it.each([
    ['ＳＱＬ入門', 'sql入門'],
    ['Ｐｙｔｈｏｎではじめる', 'pythonではじめる'],
    ['ABC abc', 'abcabc'],
    ['１２３', '123'],
  ])('NFKC folds width and case: %s → %s', (text, expected) => expect(normalizeForSearch(text)).toBe(expected));

  it('katakana, half-width katakana and hiragana become the same hiragana', () => {
    expect(normalizeForSearch('カタカナ')).toBe('かたかな');
    expect(normalizeForSearch('ｶﾀｶﾅ')).toBe('かたかな');
    expect(normalizeForSearch('ワガハイ ワ ネコ デ アル')).toBe('わがはいわねこである');
    expect(normalizeForSearch('ガンダム')).toBe(normalizeForSearch('ｶﾞﾝﾀﾞﾑ'));
    expect(normalizeForSearch('ヴァイオリン')).toBe('ゔあいおりん');
  });

  it('small kana are full size; the long-vowel mark is dropped', () => {
    expect(normalizeForSearch('キャッシュ')).toBe(normalizeForSearch('キヤツシユ'));
    expect(normalizeForSearch('ぼっちゃん')).toBe('ぼつちやん');
    expect(normalizeForSearch('コーヒー')).toBe('こひ');
    expect(normalizeForSearch('ｺｰﾋｰ')).toBe('こひ');
    expect(normalizeForSearch('ヶ')).toBe('け');
  });

  it('all twelve small kana are full size, in hiragana and in katakana', () => {
    expect(normalizeForSearch('ぁぃぅぇぉっゃゅょゎゕゖ')).toBe('あいうえおつやゆよわかけ');
    expect(normalizeForSearch('ァィゥェォッャュョヮヵヶ')).toBe('あいうえおつやゆよわかけ');
    expect(normalizeForSearch('ｧｨｩｪｫｯｬｭｮ')).toBe('あいうえおつやゆよ');
  });

  it('kana next to other text fold wherever they stand', () => {
    expect(normalizeForSearch('Aキャb猫ョ1')).toBe('aきやb猫よ1');
    expect(normalizeForSearch('ヽヾ')).toBe('ゝゞ');
  });

  it('whitespace (ASCII and ideographic) and punctuation are removed', () => {
    expect(normalizeForSearch('吾輩は 猫')).toBe('吾輩は猫');
    expect(normalizeForSearch('吾輩は\u3000猫\tで\nある')).toBe('吾輩は猫である');
    expect(normalizeForSearch('『吾輩は猫である』')).toBe('吾輩は猫である');
    expect(normalizeForSearch('「こころ」、。・！？（）【】〜…')).toBe('こころ');
    expect(normalizeForSearch('ロミオ・ジュリエット')).toBe('ろみおじゆりえつと');
    expect(normalizeForSearch('☆ミ♪')).toBe('み');
  });

  it('# and & stay (C#, Q&A); kanji, 々 and digits are untouched', () => {
    expect(normalizeForSearch('Ｃ＃入門')).toBe('c#入門');
    expect(normalizeForSearch('Q&A')).toBe('q&a');
    expect(normalizeForSearch('佐々木 2026年')).toBe('佐々木2026年');
  });

  it('control characters cannot reach the index (they are its separators)', () => {
    expect(normalizeForSearch('a\u0000b\u0001c')).toBe('abc');
  });

  it('query terms split on whitespace, are normalised, and empty or repeated ones are dropped', () => {
    expect(searchTerms(' 吾輩は　猫  ネコ 「」 ねこ ')).toEqual(['吾輩は', '猫', 'ねこ']);
    expect(searchTerms('')).toEqual([]);
  });
});
