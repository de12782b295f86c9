/**
 * What the no-results page offers instead (issue 10.2, SPEC 4): searches that differ from the
 * one that found nothing, and hints for what the app cannot do for the patron. Nothing here
 * repeats what the patron just did: no "type it in hiragana" after a hiragana query, no
 * shorter word that is the word itself, no author hint when the author field was used.
 * Self-contained (no imports) so unit tests can load it outside the web build.
 */

export type SuggestionField = 'q' | 'title' | 'author' | 'publisher' | 'isbn' | 'type' | 'branch';
export type SuggestionForm = Readonly<Record<SuggestionField, string>>;

export interface Suggestion {
  /** shorter: the first characters or one word; keyword: the 詳細検索 words as a keyword; everywhere: without type and branch. */
  readonly kind: 'shorter' | 'keyword' | 'everywhere';
  /** The words searched, to show. */
  readonly words: string;
  readonly form: SuggestionForm;
}

/** kana: type the reading in hiragana; kanji: type part of the title in kanji; author: use 著者名. */
export type Hint = 'kana' | 'kanji' | 'author';

const TEXT_FIELDS = ['q', 'title', 'author', 'publisher'] as const;
const HIRAGANA_ONLY = /^[\u3041-\u309f\u30fc\s]+$/u;
/** Suggested beginnings are 2 to 4 characters: long enough to mean something, short enough to match. */
const PREFIX_MIN = 2;
const PREFIX_MAX = 4;

const same = (a: SuggestionForm, b: SuggestionForm): boolean => (Object.keys(a) as SuggestionField[]).every((k) => a[k].trim() === b[k].trim());

/** Shorter searches for one text field: each word alone, or a single word's first characters. */
const shorterWords = (value: string): string[] => {
  const words = value.trim().split(/\s+/u).filter(Boolean);
  if (words.length > 1) return words.slice(0, 2);
  const chars = Array.from(words[0] ?? '');
  if (chars.length <= PREFIX_MIN) return [];
  const length = Math.min(PREFIX_MAX, Math.max(PREFIX_MIN, Math.floor(chars.length / 2)));
  return [chars.slice(0, length).join('')];
};

export const noResultSuggestions = (form: SuggestionForm): { readonly searches: Suggestion[]; readonly hints: Hint[] } => {
  const searches: Suggestion[] = [];
  const add = (kind: Suggestion['kind'], words: string, changed: Partial<SuggestionForm>) => {
    const next = { ...form, ...changed };
    if (same(next, form) || searches.some((s) => same(s.form, next))) return;
    searches.push({ kind, words, form: next });
  };

  const field = TEXT_FIELDS.find((f) => form[f].trim() !== '');
  if (field) for (const words of shorterWords(form[field])) add('shorter', words, { [field]: words });

  // 詳細検索 fields searched together as one keyword box: each word may match any field.
  if (form.q.trim() === '') {
    const words = (['title', 'author', 'publisher'] as const).map((f) => form[f].trim()).filter(Boolean);
    if (words.length > 0) add('keyword', words.join(' '), { q: words.join(' '), title: '', author: '', publisher: '' });
  }
  if (form.type !== '' || form.branch !== '')
    add(
      'everywhere',
      TEXT_FIELDS.map((f) => form[f].trim())
        .filter(Boolean)
        .join(' ') || form.isbn,
      { type: '', branch: '' },
    );

  const typed = TEXT_FIELDS.map((f) => form[f])
    .join(' ')
    .trim();
  const hints: Hint[] = [];
  if (typed !== '') hints.push(HIRAGANA_ONLY.test(typed) ? 'kanji' : 'kana');
  if (form.author.trim() === '') hints.push('author');
  return { searches, hints };
};
