import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context';
import { errorText, isSessionEnd } from '../errors';
import { formatDateTime } from '../format';
import type { Hold } from '../types';
import { BranchSelect } from './BranchSelect';
import { MineState } from './MineState';
import { LiveRegion, Notice } from './Notice';
import { lastPickup, rememberPickup } from './pickup';

interface ReservePanelProps {
  readonly titleId: string;
  readonly title: string;
  /** 'inline' (search results): a 予約依頼 button opens the form. 'page' (title page): the form is open. */
  readonly mode: 'inline' | 'page';
  /** Where to send a patron who is not logged in (the title page, for 'inline'). */
  readonly loginHref: string;
}

/**
 * 予約依頼 → 受取館 → 予約申込 (the guide's steps 4–5): POST /api/me/holds, then the
 * provisional hold and when the batch will register it, or the API's reason for refusing.
 */
export const ReservePanel = ({ titleId, title, mode, loginHref }: ReservePanelProps) => {
  const { t, lang, api, session, branchName, mine, refreshMine } = useApp();
  const [open, setOpen] = useState(mode === 'page');
  const [branch, setBranch] = useState(lastPickup);
  const [branchError, setBranchError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState<Hold>();
  const [error, setError] = useState<string>();
  const selectId = `pickup-${titleId}`;
  const opened = useRef(false);
  // 予約依頼 opens the form: focus goes to its first control, the pickup library.
  useEffect(() => {
    if (open && mode === 'inline' && !opened.current) document.getElementById(selectId)?.focus();
    opened.current = open;
  }, [open]);

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    setError(undefined);
    if (!branch) {
      setBranchError(t('hold.pickBranch'));
      document.getElementById(selectId)?.focus();
      return;
    }
    setBranchError(undefined);
    setBusy(true);
    try {
      const hold = await api.placeHold(titleId, branch);
      rememberPickup(branch);
      setPlaced(hold);
      // The title now says 予約済み wherever else it appears (basket, other results).
      refreshMine().catch(() => undefined);
    } catch (e) {
      if (!isSessionEnd(e)) setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const result = (
    <LiveRegion>
      {placed ? (
        <Notice kind="ok" testId="reserve-result" focus>
          <p>
            <strong>{t('hold.done', { branch: branchName(placed.pickupBranch) })}</strong>
          </p>
          {placed.registersAt ? <p>{t('hold.registersAt', { time: formatDateTime(placed.registersAt, lang) })}</p> : null}
          <p>
            <a href="#/status">{t('hold.seeStatus')}</a>
          </p>
        </Notice>
      ) : null}
      {error ? (
        <Notice kind="error" testId="reserve-error" focus>
          {error}
        </Notice>
      ) : null}
    </LiveRegion>
  );

  if (!session) {
    return (
      <div class="reserve">
        <a class="button button-primary" href={loginHref} data-testid="reserve-login">
          {mode === 'inline' ? t('hold.request') : t('hold.loginFirst')}
        </a>
      </div>
    );
  }

  if (placed) return <div class="reserve">{result}</div>;

  // Already reserved or on loan (issue 10.4): say so, and do not offer 予約依頼 again.
  const already = mine.get(titleId);
  if (already) return <div class="reserve">{<MineState mine={already} />}</div>;

  if (!open) {
    return (
      <div class="reserve">
        <button type="button" class="button button-primary" onClick={() => setOpen(true)} aria-expanded="false" data-testid="reserve-button">
          {t('hold.request')}
        </button>
      </div>
    );
  }

  return (
    <div class="reserve">
      <form class="reserve-form" onSubmit={submit} aria-label={t('hold.requestFor', { title })} noValidate data-testid="reserve-form">
        <BranchSelect
          id={selectId}
          label={t('hold.pickup')}
          value={branch}
          onValue={(code) => {
            setBranch(code);
            setBranchError(undefined);
          }}
          emptyLabel={t('hold.choose')}
          error={branchError}
          testId="pickup-branch"
        />
        <p class="small muted">{t('hold.note')}</p>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy} data-testid="reserve-submit">
            {t('hold.submit')}
          </button>
          {mode === 'inline' ? (
            <button type="button" class="button button-quiet" onClick={() => setOpen(false)} data-testid="reserve-close">
              {t('hold.cancelForm')}
            </button>
          ) : null}
        </div>
      </form>
      {result}
    </div>
  );
};
