import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../format';
import { BranchSelect } from './BranchSelect';
import { PrintButton } from './PrintButton';

interface Props {
  idPrefix: string;
  branch: string;
  onBranch: (code: string) => void;
  onReload: () => void;
  loading: boolean;
  loadedAt: Date | undefined;
  canPrint: boolean;
  children?: ComponentChildren;
}

/** Branch (and more) filters, reload and print above a printable list. */
export const ListToolbar = ({ idPrefix, branch, onBranch, onReload, loading, loadedAt, canPrint, children }: Props) => (
  <form
    class="toolbar no-print"
    onSubmit={(event) => {
      event.preventDefault();
      onReload();
    }}
    data-testid={`${idPrefix}-filters`}
  >
    <BranchSelect id={`${idPrefix}-branch`} label="図書館" value={branch} onValue={onBranch} testId={`${idPrefix}-branch`} />
    {children}
    <div class="toolbar-actions">
      <button type="submit" disabled={loading} data-testid={`${idPrefix}-reload`}>
        {loading ? '読み込み中…' : '最新にする'}
      </button>
      <PrintButton testId={`${idPrefix}-print`} disabled={!canPrint} />
    </div>
    <p class="muted toolbar-note" aria-live="polite" data-testid={`${idPrefix}-loaded-at`}>
      {loadedAt ? `${formatDateTime(loadedAt.toISOString())} 時点` : ''}
    </p>
  </form>
);
