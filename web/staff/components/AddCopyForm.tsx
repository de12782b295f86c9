import { useState } from 'preact/hooks';
import { api } from '../api';
import { useBranches } from '../context';
import { categoryLabels } from '../format';
import { useAction } from '../hooks';
import type { CreatedItem, ItemInput } from '../types';
import { BranchSelect } from './BranchSelect';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

const CATEGORIES = ['NORMAL', 'REFERENCE_ONLY', 'CONTEST', 'LATEST_ISSUE'] as const;

/** 資料の登録 (administrators): POST /admin/items — a new copy of this title, on the shelf at its home branch. */
export const AddCopyForm = ({ titleId, onAdded }: { titleId: string; onAdded: () => void }) => {
  const { counterBranch, branchName } = useBranches();
  const [itemId, setItemId] = useState('');
  const [branch, setBranch] = useState(counterBranch);
  const [category, setCategory] = useState<ItemInput['category']>('NORMAL');
  const [callNumber, setCallNumber] = useState('');
  const [added, setAdded] = useState<CreatedItem | undefined>();
  const { busy, error, run } = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    setAdded(undefined);
    const label = callNumber.trim();
    const copy = await run(() => api.addItem({ itemId: itemId.trim(), titleId, branch, category, ...(label ? { callNumber: label } : {}) }));
    if (copy) {
      setAdded(copy);
      setItemId('');
      setCallNumber('');
      onAdded();
    }
  };

  return (
    <section class="panel" aria-labelledby="add-copy-heading">
      <h2 id="add-copy-heading">資料の登録</h2>
      <form class="form" onSubmit={submit} data-testid="add-copy-form" noValidate>
        <TextField id="copy-item-id" name="itemId" label="資料番号" value={itemId} onValue={setItemId} error={error} required maxLength={40} testId="copy-item-id" />
        <TextField
          id="copy-call-number"
          name="callNumber"
          label="請求記号"
          value={callNumber}
          onValue={setCallNumber}
          error={error}
          maxLength={40}
          hint="背ラベルの記号(例: 913.6/ナ)。なければ空欄"
          testId="copy-call-number"
        />
        <BranchSelect id="copy-branch" label="所蔵館" value={branch} onValue={setBranch} testId="copy-branch" invalid={error?.field === 'branch'} />
        <div class="field">
          <label for="copy-category">区分</label>
          <select id="copy-category" value={category} onChange={(e) => setCategory(e.currentTarget.value as ItemInput['category'])} data-testid="copy-category">
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <ErrorMessage error={error} testId="add-copy-error" />
        <button type="submit" disabled={busy} data-testid="add-copy-submit">
          {busy ? '登録中…' : '登録する'}
        </button>
      </form>
      {added ? (
        <p class="result result-ok" role="status" data-testid="add-copy-result">
          登録しました: 資料番号 <span class="mono">{added.itemId}</span> / {branchName(added.branch)}
          {added.callNumber ? ` / 請求記号 ${added.callNumber}` : ''}
        </p>
      ) : null}
    </section>
  );
};
