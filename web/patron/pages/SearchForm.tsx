import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../components/Field';
import { LiveRegion } from '../components/Notice';
import { useApp } from '../context';
import { href, navigate } from '../router';
import { AdvancedFields } from './AdvancedFields';
import { formQuery, hasAdvanced, hasWords, readForm, type SearchField, type SearchForm as Form } from './search-query';

/** 資料検索: a keyword box, and 詳細検索 (title, author, publisher, ISBN, type, branch) folded away. */
export const SearchForm = ({ query }: { readonly query: URLSearchParams }) => {
  const { t } = useApp();
  const [form, setForm] = useState<Form>(() => readForm(query));
  const [needWords, setNeedWords] = useState(false);
  const key = query.toString();
  useEffect(() => setForm(readForm(query)), [key]);

  const set = (field: SearchField) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setNeedWords(false);
  };

  const submit = (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    if (!hasWords(form)) {
      setNeedWords(true);
      document.getElementById('search-q')?.focus();
      return;
    }
    navigate(href('/', formQuery(form)));
  };

  const clear = () => {
    setForm(readForm(new URLSearchParams()));
    setNeedWords(false);
    navigate('/');
  };

  return (
    <form class="search-form" role="search" onSubmit={submit} noValidate data-testid="search-form">
      <div class="search-row">
        <TextField
          id="search-q"
          name="q"
          type="search"
          inputMode="search"
          label={t('search.q')}
          value={form.q}
          onValue={set('q')}
          testId="search-input"
          autoComplete="off"
        />
        <button type="submit" class="button button-primary search-submit" data-testid="search-submit">
          {t('search.submit')}
        </button>
      </div>
      <details class="advanced" open={hasAdvanced(readForm(query))} data-testid="search-advanced">
        <summary>{t('search.advanced')}</summary>
        <AdvancedFields idPrefix="search" form={form} set={set} />
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('search.submit')}
          </button>
          <button type="button" class="button button-quiet" onClick={clear} data-testid="search-clear">
            {t('search.clear')}
          </button>
        </div>
      </details>
      <LiveRegion>
        {needWords ? (
          <p class="inline-error" data-testid="search-need-words">
            {t('search.needWords')}
          </p>
        ) : null}
      </LiveRegion>
    </form>
  );
};
