/** The search form ⇄ the address (`#/?q=…&type=…&page=2`), so results can be bookmarked and gone back to. */

export const WORD_FIELDS = ['q', 'title', 'author', 'publisher', 'isbn'] as const;
export const ADVANCED_FIELDS = ['title', 'author', 'publisher', 'isbn', 'type', 'branch'] as const;
export const ALL_FIELDS = ['q', 'title', 'author', 'publisher', 'isbn', 'type', 'branch'] as const;
export const PAGE_SIZE = 20;

export type SearchField = (typeof ALL_FIELDS)[number];
export type SearchForm = Record<SearchField, string>;

export const readForm = (query: URLSearchParams): SearchForm => Object.fromEntries(ALL_FIELDS.map((f) => [f, query.get(f) ?? ''])) as SearchForm;

export const hasWords = (form: SearchForm): boolean => WORD_FIELDS.some((f) => form[f].trim() !== '');

export const hasAdvanced = (form: SearchForm): boolean => ADVANCED_FIELDS.some((f) => form[f].trim() !== '');

export const pageOf = (query: URLSearchParams): number => {
  const page = Number(query.get('page'));
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
};

/** The query for the address bar: only filled fields. */
export const formQuery = (form: SearchForm, page?: number): Record<string, string | undefined> => ({
  ...Object.fromEntries(ALL_FIELDS.map((f) => [f, form[f].trim() || undefined])),
  page: page && page > 1 ? String(page) : undefined,
});

/** The query for GET /api/catalog/search. */
export const apiQuery = (form: SearchForm, page: number): URLSearchParams => {
  const params = new URLSearchParams();
  for (const f of ALL_FIELDS) if (form[f].trim()) params.set(f, form[f].trim());
  params.set('page', String(page));
  params.set('pageSize', String(PAGE_SIZE));
  return params;
};

/** The last search's address, for 「検索結果に戻る」 on a title page. */
let lastSearch = '#/';
export const rememberSearch = (full: string): void => {
  lastSearch = `#${full}`;
};
export const lastSearchHref = (): string => lastSearch;
