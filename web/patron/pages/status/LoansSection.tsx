import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { LiveRegion, Notice } from '../../components/Notice';
import { useApp } from '../../context';
import { errorText, isSessionEnd } from '../../errors';
import { formatDate } from '../../format';
import { labelFor, type Translate } from '../../i18n';
import type { Loan, RenewResult } from '../../types';

export const reasonsText = (t: Translate, reasons: readonly string[]): string =>
  reasons.map((r) => labelFor(t, 'status.reason.', r) ?? r).join('・');

/**
 * 借りている資料 with 貸出延長 (guide: tick the loans, press 貸出延長). Loans that cannot be
 * renewed say why before anyone tries; each renewal answers for itself.
 */
export const LoansSection = ({ loans, onChanged }: { readonly loans: readonly Loan[]; onChanged(): Promise<void> }) => {
  const { t, lang, api } = useApp();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<{ list: RenewResult[]; titles: Record<string, string> }>();
  const [message, setMessage] = useState<{ kind: 'warn' | 'error'; text: string }>();

  const toggle = (itemId: string) => (event: JSX.TargetedEvent<HTMLInputElement, Event>) => {
    const next = new Set(selected);
    if (event.currentTarget.checked) next.add(itemId);
    else next.delete(itemId);
    setSelected(next);
  };

  const renew = async (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    setMessage(undefined);
    setResults(undefined);
    const itemIds = loans.filter((l) => selected.has(l.itemId)).map((l) => l.itemId);
    if (itemIds.length === 0) {
      setMessage({ kind: 'warn', text: t('status.renewNone') });
      return;
    }
    setBusy(true);
    try {
      const titles = Object.fromEntries(loans.map((l) => [l.itemId, l.title]));
      const answer = await api.renew(itemIds);
      setResults({ list: answer.results, titles });
      setSelected(new Set());
      await onChanged();
    } catch (e) {
      if (!isSessionEnd(e)) setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="loans-heading" class="status-section">
      <h2 id="loans-heading">
        {t('status.loans')} <span class="count">{loans.length}</span>
      </h2>
      <LiveRegion>
        {message ? (
          <Notice kind={message.kind} testId="renew-message">
            {message.text}
          </Notice>
        ) : null}
        {results ? (
          <Notice kind={results.list.every((r) => r.ok) ? 'ok' : 'warn'} testId="renew-results">
            <h3 class="notice-title">{t('status.renewResults')}</h3>
            <ul class="result-lines">
              {results.list.map((r) => (
                <li key={r.itemId} data-testid="renew-result" data-item-id={r.itemId} data-ok={String(r.ok)}>
                  <span class={`mark ${r.ok ? 'mark-ok' : 'mark-ng'}`} aria-hidden="true">
                    {r.ok ? '✓' : '×'}
                  </span>
                  <span>
                    <strong>{results.titles[r.itemId] ?? r.itemId}</strong>
                    {t('common.sep')}
                    {r.ok && r.dueDate
                      ? t('status.renewOk', { date: formatDate(r.dueDate, lang) })
                      : `${r.error?.message ?? ''}${r.error?.reasons && r.error.reasons.length > 1 ? `（${reasonsText(t, r.error.reasons)}）` : ''}`}
                  </span>
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
      </LiveRegion>
      {loans.length === 0 ? (
        <p class="empty" data-testid="no-loans">
          {t('status.noLoans')}
        </p>
      ) : (
        <form onSubmit={renew} noValidate data-testid="renew-form">
          <ul class="list">
            {loans.map((loan) => {
              const id = `renew-${loan.itemId}`;
              const whyId = `${id}-why`;
              const overdue = loan.overdue ?? loan.reasons.includes('OVERDUE');
              return (
                <li
                  key={loan.itemId}
                  class={`list-item loan${overdue ? ' is-overdue' : ''}`}
                  data-testid="loan-row"
                  data-item-id={loan.itemId}
                  data-renewable={String(loan.renewable)}
                >
                  <input
                    type="checkbox"
                    id={id}
                    checked={selected.has(loan.itemId)}
                    disabled={!loan.renewable}
                    onChange={toggle(loan.itemId)}
                    aria-describedby={loan.renewable ? undefined : whyId}
                    data-testid="renew-select"
                  />
                  <div class="list-body">
                    <label for={id} class="item-title">
                      {loan.title}
                    </label>
                    <p class="due">
                      {t('status.due')}
                      {t('common.sep')}
                      <strong data-testid="loan-due" data-due={loan.dueDate}>
                        {formatDate(loan.dueDate, lang)}
                      </strong>
                      {overdue ? <span class="tag tag-error">{t('status.overdue')}</span> : null}
                      {loan.renewed ? <span class="tag">{t('status.renewed')}</span> : null}
                    </p>
                    {!loan.renewable ? (
                      <p class="small reason" id={whyId} data-testid="renew-reasons" data-reasons={loan.reasons.join(' ')}>
                        {t('status.cannotRenew', { reasons: reasonsText(t, loan.reasons) })}
                      </p>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
          <div class="actions">
            <button type="submit" class="button button-primary" disabled={busy || loans.every((l) => !l.renewable)} data-testid="renew-submit">
              {t('status.renew')}
            </button>
          </div>
          <p class="small muted">{t('status.renewHelp')}</p>
        </form>
      )}
    </section>
  );
};
