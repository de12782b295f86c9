import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { LiveRegion } from '../components/Notice';
import { useApp } from '../context';
import { href, navigate } from '../router';
import { AdvancedFields } from './AdvancedFields';
import { formQuery, hasWords, type SearchField, type SearchForm } from './search-query';
import { noResultSuggestions } from './search-suggestions';

/**
 * Under 「見つかりませんでした」: searches that would differ from the one just made (each a
 * link), hints, and 詳細検索's fields right there — starting from the patron's own fields
 * but without the keyword, which found nothing.
 */
export const NoResults = ({ form }: { readonly form: SearchForm }) => {
  const { t } = useApp();
  const { searches, hints } = noResultSuggestions(form);
  const [retry, setRetry] = useState<SearchForm>(() => ({ ...form, q: '' }));
  const [needWords, setNeedWords] = useState(false);
  const set = (field: SearchField) => (value: string) => {
    setRetry((current) => ({ ...current, [field]: value }));
    setNeedWords(false);
  };
  const submit = (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    if (!hasWords(retry)) {
      setNeedWords(true);
      document.getElementById('retry-title')?.focus();
      return;
    }
    navigate(href('/', formQuery(retry)));
  };

  return (
    <div class="no-results" data-testid="no-results">
      <h3>{t('search.tryHeading')}</h3>
      {searches.length > 0 ? (
        <ul class="suggestions" data-testid="suggestions">
          {searches.map((s) => (
            <li key={`${s.kind}-${s.words}`}>
              <a href={href('/', formQuery(s.form))} data-testid="suggestion" data-kind={s.kind}>
                {t(`search.suggest.${s.kind}`, { words: s.words })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {hints.length > 0 ? (
        <ul class="hints small" data-testid="search-hints">
          {hints.map((hint) => (
            <li key={hint} data-hint={hint}>
              {t(`search.hint.${hint}`)}
            </li>
          ))}
        </ul>
      ) : null}
      <form class="retry-form" onSubmit={submit} noValidate aria-labelledby="retry-heading" data-testid="retry-advanced">
        <h3 id="retry-heading">{t('search.advanced')}</h3>
        <p class="small muted">{t('search.retryNote')}</p>
        <AdvancedFields idPrefix="retry" form={retry} set={set} />
        <div class="actions">
          <button type="submit" class="button button-primary" data-testid="retry-submit">
            {t('search.submit')}
          </button>
        </div>
        <LiveRegion>
          {needWords ? (
            <p class="inline-error" data-testid="retry-need-words">
              {t('search.needWords')}
            </p>
          ) : null}
        </LiveRegion>
      </form>
    </div>
  );
};
