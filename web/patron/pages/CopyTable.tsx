import { useApp } from '../context';
import type { Copy } from '../types';

/** 所蔵・状態: each copy's library, status and handling notes. */
export const CopyTable = ({ copies }: { readonly copies: readonly Copy[] }) => {
  const { t, branches, branchName } = useApp();
  const order = (code: string) => {
    const at = branches.findIndex((b) => b.code === code);
    return at < 0 ? branches.length : at;
  };
  const sorted = [...copies].sort((a, b) => order(a.branch) - order(b.branch) || a.itemId.localeCompare(b.itemId));
  return (
    <table class="copies" data-testid="copies">
      <thead>
        <tr>
          <th scope="col">{t('title.copyBranch')}</th>
          <th scope="col">{t('title.copyStatus')}</th>
          <th scope="col">{t('title.copyNote')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((copy) => {
          const notes = [copy.category !== 'NORMAL' ? t(`copy.${copy.category}`) : null, copy.interlibrary ? t('copy.interlibrary') : null].filter(Boolean);
          return (
            <tr key={copy.itemId} data-testid="copy-row" data-item-id={copy.itemId} data-status={copy.status}>
              <th scope="row">
                {branchName(copy.branch)}
                {copy.callNumber ? (
                  <span class="call-number" data-testid="copy-call-number">
                    {t('title.copyCallNumber')} {copy.callNumber}
                  </span>
                ) : null}
              </th>
              <td>
                <span class={`status status-${copy.status === 'ON_SHELF' ? 'on' : 'off'}`}>{t(`copy.${copy.status}`)}</span>
              </td>
              <td>{notes.join('、')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
