/**
 * SPEC 4 search text normalisation, applied alike to catalog fields and to queries, so that
 * matching is plain substring search on the results:
 * - NFKC: full-width Latin and digits and half-width katakana fold to their usual forms;
 * - lower case;
 * - katakana → hiragana (ひらがな and カタカナ match; readings are recorded in katakana);
 * - small kana → full size (ぁ→あ, っ→つ, ゃ→や …): catalog readings write キヤ or キャ
 *   depending on the cataloguer, and users type either;
 * - を (ヲ) is お: it is only ever the particle, which readings write ヲ or オ;
 * - ヴ is the B row (ヴァイオリン = バイオリン, ヴェ = ベ, ヴ = ブ; ヷヸヹヺ alike);
 * - the long-vowel mark ー is the vowel it lengthens, as readings write it: ア after the A row,
 *   イ after the I and E rows, ウ after the U and O rows (コーヒーノ = コウヒイノ → こうひいの,
 *   ケーキ = けいき, ローマ = ろうま); at the end of a kana run it is dropped (コンピューター =
 *   コンピュータ, こーひー = こうひ, a prefix of こうひい…). Vowel length itself still counts:
 *   ゆき is not ゆうき. Vowel kana are never changed: which vowel follows depends on where a
 *   word starts (ねこの|おつかい), and a fold that looked at the previous word would break
 *   substring matching (おつかい must still find ねこのおつかい);
 * - 旧字体 are their 新字体 (國 → 国, 學 → 学, 澤 → 沢: kyujitai.ts);
 * - whitespace, punctuation (・「」『』、。!?…), dashes and decorative symbols (☆♪) are dropped:
 *   Japanese has no spaces between words, and readings separate words with spaces that the
 *   title does not have. `#` and `&` stay (C#, Q&A).
 */

import { foldKyujitai } from './kyujitai.js';

/** Characters removed before matching. `(?![#&])` keeps those two out of \p{P}. */
const IGNORED = /(?![#&])[\p{P}\p{Z}\p{Cc}\p{Cf}\p{Sk}\p{So}\s~]/gu;
/** The same, ー included: the fold that patron name keys are stored in (see normalizeName). */
const IGNORED_WITH_LONG_MARK = /(?![#&])[\p{P}\p{Z}\p{Cc}\p{Cf}\p{Sk}\p{So}\s~ー]/gu;
const HAS_KANA = /[\u3041-\u30fe]/;

/** Code unit → replacement for U+3040–U+30FF; 0 keeps the character. */
const KANA_MAP = (() => {
  const map = new Uint16Array(0xc0);
  const set = (from: number, to: number) => {
    map[from - 0x3040] = to;
  };
  for (let c = 0x30a1; c <= 0x30f6; c += 1) set(c, c - 0x60); // ァ…ヶ → ぁ…ゖ
  set(0x30f7, 0x3070); // ヷ → ば
  set(0x30f8, 0x3073); // ヸ → び
  set(0x30f9, 0x3079); // ヹ → べ
  set(0x30fa, 0x307c); // ヺ → ぼ
  set(0x30fd, 0x309d); // ヽ → ゝ
  set(0x30fe, 0x309e); // ヾ → ゞ
  const small: Array<[string, string]> = [
    ['ぁ', 'あ'],
    ['ぃ', 'い'],
    ['ぅ', 'う'],
    ['ぇ', 'え'],
    ['ぉ', 'お'],
    ['っ', 'つ'],
    ['ゃ', 'や'],
    ['ゅ', 'ゆ'],
    ['ょ', 'よ'],
    ['ゎ', 'わ'],
    ['ゕ', 'か'],
    ['ゖ', 'け'],
  ];
  for (const [from, to] of small) {
    const target = to.charCodeAt(0);
    set(from.charCodeAt(0), target);
    // The katakana small kana map to the hiragana small kana first; send them straight on.
    set(from.charCodeAt(0) + 0x60, target);
  }
  return map;
})();

const VOWEL_NONE = 0;
const [A, I, U, E, O] = [1, 2, 3, 4, 5] as const;
/** The vowel of each hiragana (after foldKana), by code unit − 0x3040; 0 for ん and non-kana. */
const VOWEL = (() => {
  const table = new Uint8Array(0x60);
  const rows: Array<[number, string]> = [
    [A, 'あかがさざただなはばぱまやらわ'],
    [I, 'いきぎしじちぢにひびぴみりゐ'],
    [U, 'うくぐすずつづぬふぶぷむゆるゔ'],
    [E, 'えけげせぜてでねへべぺめれゑ'],
    [O, 'おこごそぞとどのほぼぽもよろを'],
  ];
  for (const [vowel, kana] of rows) for (const k of kana) table[k.charCodeAt(0) - 0x3040] = vowel;
  return table;
})();
/** How readings write a lengthened vowel, by the vowel lengthened. */
const LENGTHENER = ['', 'あ', 'い', 'う', 'い', 'う'];
const LONG_MARK = 'ー';
const VU = 'ゔ';
const VU_SYLLABLES: Readonly<Record<string, string>> = { あ: 'ば', い: 'び', え: 'べ', お: 'ぼ' };

const isKana = (c: number): boolean => c >= 0x3041 && c <= 0x30ff;
const vowelOf = (c: string | undefined): number => {
  const code = c?.charCodeAt(0) ?? 0;
  return code >= 0x3040 && code < 0x30a0 ? (VOWEL[code - 0x3040] ?? VOWEL_NONE) : VOWEL_NONE;
};

/** What ー after `previous` stands for ('' after ん or anything not kana). */
const lengthener = (previous: string | undefined): string => LENGTHENER[vowelOf(previous)] ?? '';

/** を, ヴ and long vowels (see the module comment), on hiragana text; copies only what changes. */
const foldSounds = (text: string): string => {
  let out: string[] | undefined;
  let from = 0; // text[from, i) is still to be copied to out
  let previous: string | undefined; // the last character of the result so far
  const replace = (i: number, skip: number, by: string) => {
    out ??= [];
    out.push(text.slice(from, i), by);
    from = i + skip;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === VU) {
      // ヴァ → バ (the vowel is part of the syllable); ヴュ → ビュ; ヴ alone → ブ.
      const syllable = VU_SYLLABLES[text[i + 1] ?? ''];
      const by = syllable ?? (text[i + 1] === 'ゆ' ? 'び' : 'ぶ');
      replace(i, syllable ? 2 : 1, by);
      previous = by;
      if (syllable) i += 1;
    } else if (c === LONG_MARK) {
      let last = i;
      while (text[last + 1] === LONG_MARK) last += 1;
      const endsRun = last + 1 >= text.length || !isKana(text.charCodeAt(last + 1));
      const by = endsRun ? '' : lengthener(previous);
      replace(i, last - i + 1, by);
      if (by !== '') previous = by;
      i = last;
    } else if (c === 'を') {
      // Only ever the particle, read お: readings write ヲ or オ for it, patrons type either.
      replace(i, 1, 'お');
      previous = 'お';
    } else previous = c;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
};

const foldKana = (text: string): string => {
  let out: string[] | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x3040 || c > 0x30ff) continue;
    const to = KANA_MAP[c - 0x3040] ?? 0;
    if (to === 0) continue;
    out ??= [];
    out.push(text.slice(from, i), String.fromCharCode(to));
    from = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
};

/** The form in which catalog text and queries are compared (see the module comment). */
export const normalizeForSearch = (text: string): string => {
  const folded = foldKyujitai(text.normalize('NFKC').toLowerCase().replace(IGNORED, ''));
  return HAS_KANA.test(folded) ? foldSounds(foldKana(folded)) : folded;
};

/**
 * The fold before issue 10 (no を, ヴ, long-vowel or 旧字体 folds; ー dropped). Patron name keys
 * are stored in it (store/patron-lookup.ts), so it must not change without rewriting them.
 */
export const normalizeName = (text: string): string => {
  const folded = text.normalize('NFKC').toLowerCase().replace(IGNORED_WITH_LONG_MARK, '');
  return HAS_KANA.test(folded) ? foldKana(folded) : folded;
};

/** Whitespace-separated terms (ASCII or ideographic space), each normalised; empty ones dropped. */
export const searchTerms = (text: string): string[] => {
  const terms: string[] = [];
  for (const raw of text.normalize('NFKC').split(/\s+/)) {
    const term = normalizeForSearch(raw);
    if (term !== '' && !terms.includes(term)) terms.push(term);
  }
  return terms;
};
