import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { serverNow } from '../../../shared/server-clock';
import { useApp } from '../../context';
import { errorText, isSessionEnd } from '../../errors';
import { addDays } from '../../format';
import type { Hold } from '../../types';

/** SPEC 10.1: a pause ends from tomorrow up to 180 days ahead (JST dates). */
const MAX_DAYS = 180;
const tokyoToday = (): string => new Date(serverNow().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

interface Props {
  readonly hold: Hold;
  /** Reload the holds after a change (or a refusal: the hold moved on meanwhile). */
  onChanged(): Promise<void>;
}

/** 一時停止 (with a resume date) or 再開 for a PROVISIONAL or WAITING hold (SPEC 10.1). */
export const HoldSuspension = ({ hold, onChanged }: Props) => {
  const { t, api } = useApp();
  const today = tokyoToday();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState(addDays(today, 14));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const dateInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) dateInput.current?.focus();
  }, [open]);
  if (hold.status !== 'PROVISIONAL' && hold.status !== 'WAITING') return null;

  const change = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await write();
      setOpen(false);
      await onChanged();
    } catch (e) {
      if (isSessionEnd(e)) return;
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    void change(() => api.suspendHold(hold.holdId, until));
  };
  const inputId = `suspend-until-${hold.holdId}`;

  return (
    <div class="suspension" data-testid="hold-suspension">
      {error ? (
        <p class="inline-error" role="alert" data-testid="suspend-error">
          {error}
        </p>
      ) : null}
      {hold.suspendedUntil ? (
        <div class="actions">
          <button
            type="button"
            class="button button-small button-quiet"
            onClick={() => void change(() => api.resumeHold(hold.holdId))}
            disabled={busy}
            aria-label={t('status.resumeLabel', { title: hold.title })}
            data-testid="hold-resume"
          >
            {t('status.resume')}
          </button>
        </div>
      ) : open ? (
        <form class="reserve-form" onSubmit={submit} aria-label={t('status.suspendLabel', { title: hold.title })} data-testid="suspend-form">
          <div class="field">
            <label for={inputId}>{t('status.suspendUntil')}</label>
            <input
              id={inputId}
              ref={dateInput}
              type="date"
              value={until}
              min={addDays(today, 1)}
              max={addDays(today, MAX_DAYS)}
              onInput={(e) => setUntil(e.currentTarget.value)}
              data-testid="suspend-until"
            />
          </div>
          <p class="small muted">{t('status.suspendHint')}</p>
          <div class="actions">
            <button type="submit" class="button button-small button-primary" disabled={busy} data-testid="suspend-submit">
              {t('status.suspendYes')}
            </button>
            <button type="button" class="button button-small button-quiet" onClick={() => setOpen(false)} data-testid="suspend-cancel">
              {t('status.confirmNo')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button button-small button-quiet"
            onClick={() => setOpen(true)}
            aria-label={t('status.suspendLabel', { title: hold.title })}
            data-testid="hold-suspend"
          >
            {t('status.suspend')}
          </button>
        </div>
      )}
    </div>
  );
};
