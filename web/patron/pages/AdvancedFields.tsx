import type { JSX } from 'preact';
import { BranchSelect } from '../components/BranchSelect';
import { TextField } from '../components/Field';
import { useApp } from '../context';
import type { SearchField, SearchForm } from './search-query';

const TYPES = ['BOOK', 'KAMISHIBAI', 'MAGAZINE', 'AV'] as const;

/** 詳細検索's fields (title, author, publisher, ISBN, type, branch); `idPrefix` keeps two sets on one page apart. */
export const AdvancedFields = ({
  idPrefix,
  form,
  set,
}: {
  readonly idPrefix: string;
  readonly form: SearchForm;
  readonly set: (field: SearchField) => (value: string) => void;
}) => {
  const { t } = useApp();
  const onType = (event: JSX.TargetedEvent<HTMLSelectElement, Event>) => set('type')(event.currentTarget.value);
  return (
    <div class="advanced-grid">
      <TextField id={`${idPrefix}-title`} name="title" label={t('search.field.title')} value={form.title} onValue={set('title')} />
      <TextField id={`${idPrefix}-author`} name="author" label={t('search.field.author')} value={form.author} onValue={set('author')} />
      <TextField id={`${idPrefix}-publisher`} name="publisher" label={t('search.field.publisher')} value={form.publisher} onValue={set('publisher')} />
      <TextField id={`${idPrefix}-isbn`} name="isbn" label={t('search.field.isbn')} value={form.isbn} onValue={set('isbn')} hint={t('search.isbnHint')} />
      <div class="field">
        <label for={`${idPrefix}-type`}>{t('search.field.type')}</label>
        <select id={`${idPrefix}-type`} name="type" value={form.type} onChange={onType} data-testid={`${idPrefix}-type`}>
          <option value="">{t('search.any')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <BranchSelect
        id={`${idPrefix}-branch`}
        label={t('search.field.branch')}
        value={form.branch}
        onValue={set('branch')}
        emptyLabel={t('search.anyBranch')}
        testId={`${idPrefix}-branch`}
      />
    </div>
  );
};
