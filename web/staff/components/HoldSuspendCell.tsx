import { useState } from 'preact/hooks';
import { serverNow } from '../../shared/server-clock';
import { api } from '../api';
import { useAction } from '../hooks';
import type { PatronHold } from '../types';
import { ErrorMessage } from './ErrorMessage';

const DAY_MS = 86_400_000;
/** A JST date `days` after today (by the server's clock). */
const tokyoDate = (days: number): string => new Date(serverNow().getTime() + 9 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);

/** SPEC 10.1 for a patron on the phone: 一時停止 until a date (tomorrow..+180 days), or 再開. */
export const HoldSuspendCell = ({ hold, onChanged }: { hold: PatronHold; onChanged: () => void }) => {
  const [until, setUntil] = useState(() => tokyoDate(14));
  const { busy, error, run } = useAction();
  if (hold.status !== 'PROVISIONAL' && hold.status !== 'WAITING') return null;
  const change = async (write: () => Promise<unknown>) => {
    if (await run(write)) onChanged();
  };
  return (
    <div class="inline-form" data-testid="patron-hold-suspension">
      {hold.suspendedUntil ? (
        <button type="button" class="secondary small" disabled={busy} onClick={() => void change(() => api.resumeHold(hold.holdId))} data-testid="patron-hold-resume">
          再開する
        </button>
      ) : (
        <>
          <label class="visually-hidden" for={`suspend-${hold.holdId}`}>
            再開する日
          </label>
          <input
            id={`suspend-${hold.holdId}`}
            type="date"
            value={until}
            min={tokyoDate(1)}
            max={tokyoDate(180)}
            onInput={(e) => setUntil(e.currentTarget.value)}
            data-testid="patron-hold-suspend-until"
          />
          <button
            type="button"
            class="secondary small"
            disabled={busy}
            onClick={() => void change(() => api.suspendHold(hold.holdId, until))}
            data-testid="patron-hold-suspend"
          >
            一時停止
          </button>
        </>
      )}
      <ErrorMessage error={error} testId="patron-hold-suspend-error" />
    </div>
  );
};
