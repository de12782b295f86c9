/**
 * SPEC 4 search text normalisation, applied alike to catalog fields and to queries, so that
 * matching is plain substring search on the results:
 * - NFKC: full-width Latin and digits and half-width katakana fold to their usual forms;
 * - lower case;
 * - katakana → hiragana (ひらがな and カタカナ match; readings are recorded in katakana);
 * - small kana → full size (ぁ→あ, っ→つ, ゃ→や …): catalog readings write キヤ or キャ
 *   depending on the cataloguer, and users type either;
 * - the long-vowel mark ー is dropped: readings and users disagree on it (コーヒー, コウヒー,
 *   コーヒ), and it carries almost no meaning for search;
 * - whitespace, punctuation (・「」『』、。!?…), dashes and decorative symbols (☆♪) are dropped:
 *   Japanese has no spaces between words, and readings separate words with spaces that the
 *   title does not have. `#` and `&` stay (C#, Q&A).
 */

/** Characters removed before matching. `(?![#&])` keeps those two out of \p{P}. */
const IGNORED = /(?![#&])[\p{P}\p{Z}\p{Cc}\p{Cf}\p{Sk}\p{So}\s~ー]/gu;
const HAS_KANA = /[\u3041-\u30fe]/;

/** Code unit → replacement for U+3040–U+30FF; 0 keeps the character. */
const KANA_MAP = (() => {
  const map = new Uint16Array(0xc0);
  const set = (from: number, to: number) => {
    map[from - 0x3040] = to;
  };
  for (let c = 0x30a1; c <= 0x30f6; c += 1) set(c, c - 0x60); // ァ…ヶ → ぁ…ゖ
  set(0x30fd, 0x309d); // ヽ → ゝ
  set(0x30fe, 0x309e); // ヾ → ゞ
  const small: Array<[string, string]> = [
    ['ぁ', 'あ'], ['ぃ', 'い'], ['ぅ', 'う'], ['ぇ', 'え'], ['ぉ', 'お'], ['っ', 'つ'],
    ['ゃ', 'や'], ['ゅ', 'ゆ'], ['ょ', 'よ'], ['ゎ', 'わ'], ['ゕ', 'か'], ['ゖ', 'け'],
  ];
  for (const [from, to] of small) {
    const target = to.charCodeAt(0);
    set(from.charCodeAt(0), target);
    // The katakana small kana map to the hiragana small kana first; send them straight on.
    set(from.charCodeAt(0) + 0x60, target);
  }
  return map;
})();

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
  const folded = text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
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
