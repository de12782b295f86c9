import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../../context';
import { errorText, isSessionEnd } from '../../errors';
import { formatDate, formatDateTime, formatMonthDay } from '../../format';
import { labelFor } from '../../i18n';
import type { Hold } from '../../types';
import { HoldSuspension } from './HoldSuspension';

interface HoldItemProps {
  readonly hold: Hold;
  onCancelled(hold: Hold): Promise<void>;
  /** Reload the holds, e.g. after 409 NOT_CANCELLABLE: the hold moved on meanwhile. */
  onRefresh(): Promise<void>;
}

/** One hold: its state and what that means for the patron; 取消 (with a confirmation) or whom to call. */
export const HoldItem = ({ hold, onCancelled, onRefresh }: HoldItemProps) => {
  const { t, lang, api, branches, branchName } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const yesButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the question: onto 「取り消す」 when it appears, back to 「取消」 on 「やめる」.
  useEffect(() => {
    if (confirming) yesButton.current?.focus();
    else if (wasConfirming.current) cancelButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const branch = branches.find((b) => b.code === hold.pickupBranch);
  const active = hold.status === 'PROVISIONAL' || hold.status === 'WAITING' || hold.status === 'IN_TRANSIT' || hold.status === 'READY';

  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.cancelHold(hold.holdId);
      await onCancelled(hold);
    } catch (e) {
      if (isSessionEnd(e)) return;
      setError(errorText(e, t));
      setConfirming(false);
      await onRefresh().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const detail = (() => {
    switch (hold.status) {
      case 'PROVISIONAL':
        return hold.registersAt ? t('status.registersAt', { time: formatDateTime(hold.registersAt, lang) }) : undefined;
      case 'WAITING':
        return hold.position ? t('status.position', { n: hold.position }) : undefined;
      case 'IN_TRANSIT':
        return t('status.inTransit');
      case 'READY':
        return t('status.ready');
      case 'CANCELLED':
        return [hold.cancelReason ? (labelFor(t, 'status.cancelReason.', hold.cancelReason) ?? hold.cancelReason) : undefined, hold.cancelNote]
          .filter(Boolean)
          .join(t('common.sep'));
      case 'EXPIRED':
        return t('status.expired');
      default:
        return undefined;
    }
  })();

  return (
    <li
      class={`list-item hold hold-${hold.status.toLowerCase()}`}
      data-testid="hold-row"
      data-hold-id={hold.holdId}
      data-title-id={hold.titleId}
      data-status={hold.status}
    >
      <div class="list-body">
        <p class="hold-head">
          <span class={`state state-${hold.status.toLowerCase()}`} data-testid="hold-status">
            {hold.statusLabel}
          </span>
          <a class="item-title" href={`#/titles/${encodeURIComponent(hold.titleId)}`}>
            {hold.title}
          </a>
        </p>
        {detail ? (
          <p class="hold-detail" data-testid="hold-detail">
            {detail}
          </p>
        ) : null}
        {hold.status === 'WAITING' && hold.estimatedReadyDate !== undefined ? (
          <p class="estimate" data-testid="hold-estimate" data-estimate={hold.estimatedReadyDate ?? ''}>
            {hold.estimatedReadyDate
              ? t(hold.suspendedUntil ? 'status.estimateIfResumed' : 'status.estimate', { date: formatMonthDay(hold.estimatedReadyDate, lang) })
              : t('status.estimateNone')}
            {hold.estimatedReadyDate ? <span class="estimate-caveat small">{t('estimate.caveat')}</span> : null}
          </p>
        ) : null}
        {hold.suspendedUntil ? (
          <p class="hold-detail" data-testid="hold-suspended" data-until={hold.suspendedUntil}>
            {t('status.suspended', { date: formatDate(hold.suspendedUntil, lang) })}
          </p>
        ) : null}
        {hold.sequenceIndex && hold.sequenceLength ? (
          <p class="small" data-testid="hold-sequence" data-waits-for={hold.waitsFor ?? undefined}>
            {t('status.sequence', { index: hold.sequenceIndex, length: hold.sequenceLength })}
            {hold.waitsFor ? `${t('common.sep')}${t('status.waitsFor')}` : ''}
          </p>
        ) : null}
        <dl class="facts">
          {hold.status === 'READY' && hold.pickupDeadline ? (
            <div class="fact-strong">
              <dt>{t('status.deadline')}</dt>
              <dd data-testid="hold-deadline" data-deadline={hold.pickupDeadline}>
                {formatDate(hold.pickupDeadline, lang)}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('status.pickup')}</dt>
            <dd>{branchName(hold.pickupBranch)}</dd>
          </div>
          <div>
            <dt>{t('status.requestedAt')}</dt>
            <dd>{formatDateTime(hold.requestedAt, lang)}</dd>
          </div>
          {hold.status === 'CANCELLED' && hold.finishedAt ? (
            <div>
              <dt>{t('status.cancelledAt')}</dt>
              <dd>{formatDateTime(hold.finishedAt, lang)}</dd>
            </div>
          ) : null}
        </dl>
        {error ? (
          <p class="inline-error" role="alert" data-testid="hold-error">
            {error}
          </p>
        ) : null}
        {!confirming ? <HoldSuspension hold={hold} onChanged={onRefresh} /> : null}
        {hold.cancellable && !confirming ? (
          <div class="actions">
            <button
              type="button"
              class="button button-small button-danger-quiet"
              onClick={() => setConfirming(true)}
              ref={cancelButton}
              aria-label={t('status.cancelLabel', { title: hold.title })}
              data-testid="hold-cancel"
            >
              {t('status.cancel')}
            </button>
          </div>
        ) : null}
        {hold.cancellable && confirming ? (
          <div class="confirm" role="group" aria-labelledby={`confirm-${hold.holdId}`} data-testid="hold-cancel-confirm">
            <p id={`confirm-${hold.holdId}`}>{t('status.confirmCancel', { title: hold.title })}</p>
            <div class="actions">
              <button type="button" class="button button-small button-danger" onClick={cancel} disabled={busy} data-testid="hold-cancel-yes" ref={yesButton}>
                {t('status.confirmYes')}
              </button>
              <button type="button" class="button button-small button-quiet" onClick={() => setConfirming(false)} data-testid="hold-cancel-no">
                {t('status.confirmNo')}
              </button>
            </div>
          </div>
        ) : null}
        {active && !hold.cancellable ? (
          <p class="small call" data-testid="hold-call-branch">
            {t('status.callBranch')}{' '}
            <strong>
              {branchName(hold.pickupBranch)}
              {branch?.phone ? (
                <>
                  {' '}
                  <a href={`tel:${branch.phone}`}>{branch.phone}</a>
                </>
              ) : null}
            </strong>
          </p>
        ) : null}
      </div>
    </li>
  );
};
