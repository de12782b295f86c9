import { useEffect, useRef, useState } from 'preact/hooks';
import { HowTo } from '../components/HowTo';
import { LiveRegion, Notice } from '../components/Notice';
import { PageTitle } from '../components/PageTitle';
import { Pager } from '../components/Pager';
import { useApp } from '../context';
import { errorText } from '../errors';
import { href, type Location } from '../router';
import type { SearchResult } from '../types';
import { NoResults } from './NoResults';
import { ResultItem } from './ResultItem';
import { SearchForm } from './SearchForm';
import { apiQuery, formQuery, hasWords, PAGE_SIZE, pageOf, readForm, rememberSearch } from './search-query';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'done'; readonly result: SearchResult }
  | { readonly kind: 'error'; readonly message: string };

/** 資料検索・予約: the form, then results 20 to a page. */
export const SearchPage = ({ location }: { readonly location: Location }) => {
  const { t, api } = useApp();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const key = location.query.toString();
  const form = readForm(location.query);
  const page = pageOf(location.query);
  const previousPage = useRef(page);

  useEffect(() => {
    rememberSearch(location.full);
    if (!hasWords(form)) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    api
      .search(apiQuery(form, page))
      .then((result) => live && setState({ kind: 'done', result }))
      .catch((e: unknown) => live && setState({ kind: 'error', message: errorText(e, t) }));
    return () => {
      live = false;
    };
  }, [key]);

  // After 次のページ, bring the patron (and the screen reader) to the top of the results.
  useEffect(() => {
    if (state.kind === 'done' && previousPage.current !== page) resultsHeading.current?.focus();
    if (state.kind === 'done') previousPage.current = page;
  }, [state, page]);

  const pages = state.kind === 'done' ? Math.max(1, Math.ceil(state.result.total / PAGE_SIZE)) : 1;
  const from = (page - 1) * PAGE_SIZE + 1;

  return (
    <>
      <PageTitle>{t('search.title')}</PageTitle>
      <p class="lead">{t('search.lead')}</p>
      <SearchForm query={location.query} />
      <section class="results" aria-labelledby={state.kind !== 'idle' ? 'results-heading' : undefined} aria-busy={state.kind === 'loading' ? 'true' : 'false'}>
        {state.kind !== 'idle' ? (
          <h2 id="results-heading" tabIndex={-1} ref={resultsHeading}>
            {t('search.results')}
          </h2>
        ) : null}
        <LiveRegion>
          {state.kind === 'loading' ? <p class="muted">{t('app.loading')}</p> : null}
          {state.kind === 'error' ? <Notice kind="error">{state.message}</Notice> : null}
          {state.kind === 'done' ? (
            <p class="result-count" data-testid="result-count" data-total={state.result.total}>
              {state.result.total === 0
                ? t('search.none')
                : t('search.count', { total: state.result.total, from, to: Math.min(from + state.result.items.length - 1, state.result.total) })}
            </p>
          ) : null}
        </LiveRegion>
        {state.kind === 'done' && state.result.items.length > 0 ? (
          <>
            <ol class="result-list" start={from} data-testid="result-list">
              {state.result.items.map((item) => (
                <ResultItem key={`${key}\n${item.titleId}`} item={item} />
              ))}
            </ol>
            <Pager page={page} pages={pages} hrefFor={(p) => href('/', formQuery(form, p))} />
          </>
        ) : null}
        {state.kind === 'done' && state.result.total === 0 ? <NoResults key={key} form={form} /> : null}
      </section>
      {state.kind === 'idle' ? <HowTo /> : null}
    </>
  );
};
