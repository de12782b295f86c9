import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BranchSelect } from '../components/BranchSelect';
import { TextField } from '../components/Field';
import { LiveRegion } from '../components/Notice';
import { useApp } from '../context';
import { href, navigate } from '../router';
import { formQuery, hasAdvanced, hasWords, readForm, type SearchField, type SearchForm as Form } from './search-query';

const TYPES = ['BOOK', 'KAMISHIBAI', 'MAGAZINE', 'AV'] as const;

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

  const onType = (event: JSX.TargetedEvent<HTMLSelectElement, Event>) => set('type')(event.currentTarget.value);

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
        <div class="advanced-grid">
          <TextField id="search-title" name="title" label={t('search.field.title')} value={form.title} onValue={set('title')} />
          <TextField id="search-author" name="author" label={t('search.field.author')} value={form.author} onValue={set('author')} />
          <TextField id="search-publisher" name="publisher" label={t('search.field.publisher')} value={form.publisher} onValue={set('publisher')} />
          <TextField id="search-isbn" name="isbn" label={t('search.field.isbn')} value={form.isbn} onValue={set('isbn')} hint={t('search.isbnHint')} />
          <div class="field">
            <label for="search-type">{t('search.field.type')}</label>
            <select id="search-type" name="type" value={form.type} onChange={onType} data-testid="search-type">
              <option value="">{t('search.any')}</option>
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`type.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <BranchSelect
            id="search-branch"
            label={t('search.field.branch')}
            value={form.branch}
            onValue={set('branch')}
            emptyLabel={t('search.anyBranch')}
            testId="search-branch"
          />
        </div>
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
