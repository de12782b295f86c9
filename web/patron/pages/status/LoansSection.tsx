import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useConfig } from '../../../shared/config';
import { LiveRegion, Notice } from '../../components/Notice';
import { useApp } from '../../context';
import { errorText, isSessionEnd } from '../../errors';
import { addDays, formatDate } from '../../format';
import { labelFor, type Translate } from '../../i18n';
import type { Loan, RenewResult } from '../../types';

export const reasonsText = (t: Translate, reasons: readonly string[]): string => reasons.map((r) => labelFor(t, 'status.reason.', r) ?? r).join('・');

/**
 * A renewal is offered only when it is allowed and moves the due date: on the checkout day
 * it would give the same date and spend the only renewal for nothing (issue 10.1).
 */
const offered = (loan: Loan): boolean => loan.renewable && loan.renewalExtends !== false;

/**
 * 借りている資料 with 貸出延長 (guide: tick the loans, press 貸出延長). Each loan shows the due
 * date a renewal would give; loans that cannot (or need not yet) be renewed say why before
 * anyone tries. 貸出延長 asks first, 「返却期限日 X → Y」, and each renewal answers for itself.
 */
export const LoansSection = ({ loans, onChanged }: { readonly loans: readonly Loan[]; onChanged(): Promise<void> }) => {
  const { t, lang, api } = useApp();
  const { loanDays, renewals } = useConfig();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<readonly Loan[]>();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<{ list: RenewResult[]; titles: Record<string, string> }>();
  // `n` counts the messages: each is a new element, focused and announced anew.
  const [message, setMessage] = useState<{ kind: 'warn' | 'error'; text: string; n: number }>();
  const said = useRef(0);
  const say = (kind: 'warn' | 'error', text: string) => setMessage({ kind, text, n: (said.current += 1) });
  const yesButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const backToSubmit = useRef(false);
  // Focus follows the question: onto 「延長する」 when it appears, back to 貸出延長 on 「やめる」.
  useEffect(() => {
    if (confirming) yesButton.current?.focus();
    else if (backToSubmit.current) submitButton.current?.focus();
    backToSubmit.current = false;
  }, [confirming]);

  const toggle = (itemId: string) => (event: JSX.TargetedEvent<HTMLInputElement, Event>) => {
    const next = new Set(selected);
    if (event.currentTarget.checked) next.add(itemId);
    else next.delete(itemId);
    setSelected(next);
    setConfirming(undefined);
  };

  const ask = (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    setResults(undefined);
    const chosen = loans.filter((l) => selected.has(l.itemId) && offered(l));
    if (chosen.length === 0) {
      setConfirming(undefined);
      say('warn', t('status.renewNone'));
      return;
    }
    setMessage(undefined);
    setConfirming(chosen);
  };

  const renew = async () => {
    if (!confirming) return;
    const itemIds = confirming.map((l) => l.itemId);
    setBusy(true);
    try {
      const titles = Object.fromEntries(loans.map((l) => [l.itemId, l.title]));
      const answer = await api.renew(itemIds);
      setResults({ list: answer.results, titles });
      setSelected(new Set());
      setConfirming(undefined);
      await onChanged();
    } catch (e) {
      setConfirming(undefined);
      if (!isSessionEnd(e)) say('error', errorText(e, t));
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
          <Notice kind={message.kind} testId="renew-message" focus key={message.n}>
            {message.text}
          </Notice>
        ) : null}
        {results ? (
          <Notice kind={results.list.every((r) => r.ok) ? 'ok' : 'warn'} testId="renew-results" focus>
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
        <form onSubmit={ask} noValidate data-testid="renew-form">
          <ul class="list">
            {loans.map((loan) => {
              const id = `renew-${loan.itemId}`;
              const whyId = `${id}-why`;
              const overdue = loan.overdue ?? loan.reasons.includes('OVERDUE');
              const noGain = loan.renewable && loan.renewalExtends === false;
              return (
                <li
                  key={loan.itemId}
                  class={`list-item loan${overdue ? ' is-overdue' : ''}`}
                  data-testid="loan-row"
                  data-item-id={loan.itemId}
                  data-renewable={String(loan.renewable)}
                  data-offered={String(offered(loan))}
                >
                  <input
                    type="checkbox"
                    id={id}
                    checked={selected.has(loan.itemId)}
                    disabled={!offered(loan) || busy}
                    onChange={toggle(loan.itemId)}
                    aria-describedby={whyId}
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
                    ) : noGain ? (
                      <p class="small reason" id={whyId} data-testid="renew-no-gain">
                        {t('status.renewNoGain', {
                          date: formatDate(loan.dueDate, lang),
                          renewals,
                          from: formatDate(addDays(loan.dueDate, 1 - loanDays), lang),
                        })}
                      </p>
                    ) : loan.renewalDueDate ? (
                      <p class="small" id={whyId} data-testid="renewal-due" data-renewal-due={loan.renewalDueDate}>
                        {t('status.renewTo', { date: formatDate(loan.renewalDueDate, lang) })}
                      </p>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
          {confirming ? (
            <div class="confirm confirm-renew" role="group" aria-labelledby="renew-confirm-title" data-testid="renew-confirm">
              <p id="renew-confirm-title">{t('status.confirmRenewTitle')}</p>
              <ul class="result-lines">
                {confirming.map((loan) => (
                  <li key={loan.itemId} data-testid="renew-confirm-line" data-item-id={loan.itemId}>
                    <span>
                      <strong>{loan.title}</strong>
                      {t('common.sep')}
                      {t('status.confirmRenewLine', {
                        from: formatDate(loan.dueDate, lang),
                        to: loan.renewalDueDate ? formatDate(loan.renewalDueDate, lang) : '?',
                      })}
                    </span>
                  </li>
                ))}
              </ul>
              <div class="actions">
                <button type="button" class="button button-primary" onClick={renew} disabled={busy} ref={yesButton} data-testid="renew-confirm-yes">
                  {t('status.confirmRenewYes')}
                </button>
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() => {
                    backToSubmit.current = true;
                    setConfirming(undefined);
                  }}
                  disabled={busy}
                  data-testid="renew-confirm-no"
                >
                  {t('status.confirmRenewNo')}
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={busy || loans.every((l) => !offered(l))} ref={submitButton} data-testid="renew-submit">
                {t('status.renew')}
              </button>
            </div>
          )}
          <p class="small muted">{t('status.renewHelp')}</p>
        </form>
      )}
    </section>
  );
};
