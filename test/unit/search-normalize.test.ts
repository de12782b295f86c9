import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchTerms } from '../../functions/domain/search/index.js';
import { kyujitaiPairs } from '../../functions/domain/search/kyujitai.js';
import { normalizeName } from '../../functions/domain/search/normalize.js';

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
  });

  it('small kana are full size', () => {
    expect(normalizeForSearch('キャッシュ')).toBe(normalizeForSearch('キヤツシユ'));
    expect(normalizeForSearch('ぼっちゃん')).toBe('ぼつちやん');
    expect(normalizeForSearch('ヶ')).toBe('け');
  });

  it('issue 10: ー is the vowel it lengthens, written as readings write it (ウ after the O row, イ after the E row)', () => {
    expect(normalizeForSearch('コーヒーの歴史')).toBe('こうひいの歴史');
    expect(normalizeForSearch('こうひいの歴史')).toBe('こうひいの歴史');
    expect(normalizeForSearch('ｺｰﾋｰﾉ')).toBe('こうひいの');
    expect(normalizeForSearch('ケーキ')).toBe(normalizeForSearch('けいき'));
    expect(normalizeForSearch('ローマ')).toBe(normalizeForSearch('ろうま'));
    expect(normalizeForSearch('スーパー マリオ')).toBe(normalizeForSearch('すうぱあまりお'));
    expect(normalizeForSearch('ミニーの')).toBe(normalizeForSearch('みにいの'));
    expect(normalizeForSearch('ゆうき')).not.toBe(normalizeForSearch('ゆき'));
  });

  it('issue 10: a ー that ends a kana run is dropped, so コンピューター and コンピュータ are one word', () => {
    expect(normalizeForSearch('コンピューター入門')).toBe(normalizeForSearch('コンピュータ入門'));
    expect(normalizeForSearch('コーヒー')).toBe('こうひ');
    expect(normalizeForSearch('ーー')).toBe('');
    expect(normalizeForSearch('ンー')).toBe('ん');
  });

  it('issue 10: vowel kana are never folded, so a word after a particle keeps its first vowel (おつかい in ねこのおつかい)', () => {
    expect(normalizeForSearch('ネコ ノ オツカイ')).toBe('ねこのおつかい');
    expect(normalizeForSearch('おおきい')).toBe('おおきい');
  });

  it('issue 10: ヴ is the B row: ヴァ = バ, ヴィ = ビ, ヴ = ブ, ヴェ = ベ, ヴォ = ボ, ヴュ = ビュ', () => {
    expect(normalizeForSearch('ヴァイオリン')).toBe(normalizeForSearch('バイオリン'));
    expect(normalizeForSearch('ヴィヴァルディ')).toBe(normalizeForSearch('ビバルディ'));
    expect(normalizeForSearch('ベートーヴェン')).toBe(normalizeForSearch('べーとーべん'));
    expect(normalizeForSearch('ドヴォルザーク')).toBe(normalizeForSearch('ドボルザーク'));
    expect(normalizeForSearch('ヴ')).toBe('ぶ');
    expect(normalizeForSearch('レヴュー')).toBe(normalizeForSearch('レビュー'));
    expect(normalizeForSearch('ヷヸヹヺ')).toBe('ばびべぼ');
  });

  it('issue 10: を and ヲ are お (only ever the particle, which readings write ヲ or オ)', () => {
    expect(normalizeForSearch('朝を越えて')).toBe('朝お越えて');
    expect(normalizeForSearch('アサ ヲ コエテ')).toBe(normalizeForSearch('あさおこえて'));
    expect(normalizeName('ヲ')).toBe('を');
  });

  it('issue 10: 旧字体 are their 新字体, in catalog text and queries alike', () => {
    expect(normalizeForSearch('文學界')).toBe('文学界');
    for (const [old, current] of [
      ['國', '国'],
      ['學', '学'],
      ['圖', '図'],
      ['舊', '旧'],
      ['體', '体'],
      ['澤', '沢'],
      ['邊', '辺'],
      ['齋', '斎'],
      ['櫻', '桜'],
      ['鷗', '鴎'],
    ]) {
      expect(normalizeForSearch(`${old}の本`)).toBe(`${current}の本`);
    }
    expect(normalizeForSearch('宮澤賢治')).toBe(normalizeForSearch('宮沢賢治'));
    expect(normalizeForSearch('国語')).toBe('国語');
  });

  it('every 旧字体 in the table maps to a different character, and none maps to another 旧字体', () => {
    const pairs = [...kyujitaiPairs()];
    expect(pairs.length).toBeGreaterThan(200);
    for (const [old, current] of pairs) {
      expect(old).not.toBe(current);
      expect(kyujitaiPairs().has(current), `${old} → ${current}`).toBe(false);
    }
  });

  it('issue 10: patron name keys keep the earlier fold (they are stored; see normalizeName)', () => {
    expect(normalizeName('オオタ ユーコ')).toBe('おおたゆこ');
    expect(normalizeName('澤田')).toBe('澤田');
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
