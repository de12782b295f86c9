import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useBranches } from '../context';
import type { ShownError } from '../errors';
import { channelLabels, formatDate, formatDateTime } from '../format';
import { useAction } from '../hooks';
import type { StaffHold } from '../types';
import { ErrorMessage } from './ErrorMessage';

export const DEFAULT_CANCEL_REASON = '資料の状態等により提供できない';

interface CancelRowProps {
  hold: StaffHold;
  onDone: (hold: StaffHold) => void;
  onClose: () => void;
}

/** The inline confirmation under a queue row: the reason the patron will see, then 取消を確定. */
const CancelRow = ({ hold, onDone, onClose }: CancelRowProps) => {
  const [reason, setReason] = useState(DEFAULT_CANCEL_REASON);
  const { busy, error, run } = useAction();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const cancelled = await run(() => api.cancelHold(hold.holdId, reason.trim()));
    if (cancelled) onDone(cancelled);
  };

  return (
    <tr class="cancel-row">
      <td colSpan={8}>
        <form class="inline-form" onSubmit={submit} data-testid="cancel-hold-form" data-hold-id={hold.holdId}>
          <div class="field grow">
            <label for={`cancel-reason-${hold.holdId}`}>取消理由(利用者に表示されます)</label>
            <input
              id={`cancel-reason-${hold.holdId}`}
              ref={input}
              value={reason}
              maxLength={200}
              onInput={(e) => setReason(e.currentTarget.value)}
              aria-invalid={error?.field === 'reason' ? 'true' : undefined}
              data-testid="cancel-reason"
            />
          </div>
          <button type="submit" class="danger" disabled={busy} data-testid="cancel-confirm">
            {busy ? '取消中…' : '取消を確定'}
          </button>
          <button type="button" class="secondary" onClick={onClose} data-testid="cancel-abort">
            やめる
          </button>
        </form>
        <ErrorMessage error={error} testId="cancel-error" />
      </td>
    </tr>
  );
};

/** SPEC 10.1 / 10.2: why a waiting hold may be passed over — suspended, or waiting for the volume before it. */
const PauseNotes = ({ hold }: { hold: StaffHold }) => (
  <>
    {hold.suspendedUntil ? (
      <span class="sub" data-testid="queue-suspended">
        一時停止中(〜{formatDate(hold.suspendedUntil)})
      </span>
    ) : null}
    {hold.sequenceIndex && hold.sequenceLength ? (
      <span class="sub" data-testid="queue-sequence">
        順番予約 {hold.sequenceIndex}/{hold.sequenceLength}
        {hold.waitsFor ? `(前の巻「${hold.waitsForTitle ?? hold.waitsFor}」待ち)` : ''}
      </span>
    ) : null}
  </>
);

interface Props {
  holds: StaffHold[] | undefined;
  error: ShownError | undefined;
  loading: boolean;
  onChanged: () => void;
  /** 請求記号 of the title's copies by barcode, shown with a copy assigned to a hold. */
  callNumbers?: Readonly<Record<string, string>>;
}

/** 予約の順番: GET /admin/titles/{id}/queue, with staff cancel (DELETE /admin/holds/{id}). */
export const HoldQueue = ({ holds, error, loading, onChanged, callNumbers = {} }: Props) => {
  const { branchName } = useBranches();
  const [cancelling, setCancelling] = useState<string | undefined>();
  const [notice, setNotice] = useState('');

  const done = (hold: StaffHold) => {
    setCancelling(undefined);
    setNotice(`予約番号 ${hold.holdId}(利用者番号 ${hold.cardNumber})を取り消しました。`);
    onChanged();
  };

  return (
    <section class="panel panel-wide" aria-labelledby="queue-heading">
      <div class="section-head">
        <h2 id="queue-heading">予約の順番{holds ? `(${holds.length}件)` : ''}</h2>
        <button type="button" class="secondary small" onClick={onChanged} disabled={loading} data-testid="queue-reload">
          {loading ? '読み込み中…' : '最新にする'}
        </button>
      </div>
      {notice ? (
        <p class="notice" role="status" data-testid="queue-notice">
          {notice}
        </p>
      ) : null}
      <ErrorMessage error={error} testId="queue-error" />
      {holds && holds.length === 0 ? (
        <p class="muted" data-testid="queue-empty">
          この書誌に有効な予約はありません。
        </p>
      ) : null}
      {holds && holds.length > 0 ? (
        <table class="table" data-testid="queue">
          <thead>
            <tr>
              <th scope="col">順位</th>
              <th scope="col">状態</th>
              <th scope="col">利用者番号</th>
              <th scope="col">受取館</th>
              <th scope="col">経路</th>
              <th scope="col">申込日時</th>
              <th scope="col">資料・期限</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {holds.flatMap((hold) => [
              <tr key={hold.holdId} data-testid="queue-row" data-hold-id={hold.holdId} data-status={hold.status}>
                <td>{hold.position ?? '—'}</td>
                <td>
                  <span class={`tag tag-${hold.status.toLowerCase()}`}>{hold.statusLabel}</span>
                  <PauseNotes hold={hold} />
                </td>
                <td class="mono">{hold.cardNumber}</td>
                <td>{branchName(hold.pickupBranch)}</td>
                <td>{channelLabels[hold.channel] ?? hold.channel}</td>
                <td class="nowrap">{formatDateTime(hold.requestedAt)}</td>
                <td>
                  {hold.itemId ? <span class="mono">{hold.itemId}</span> : null}
                  {hold.itemId && callNumbers[hold.itemId] ? <span class="sub mono">{callNumbers[hold.itemId]}</span> : null}
                  {hold.pickupDeadline ? <span class="sub">期限 {formatDate(hold.pickupDeadline)}</span> : null}
                  {hold.status === 'WAITING' && hold.estimatedReadyDate !== undefined ? (
                    <span class="sub" data-testid="queue-estimate" data-estimate={hold.estimatedReadyDate ?? ''}>
                      {hold.estimatedReadyDate ? `目安 ${formatDate(hold.estimatedReadyDate)}ごろ` : '目安なし(提供できる資料なし)'}
                    </span>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    class="danger small"
                    onClick={() => {
                      setNotice('');
                      setCancelling(cancelling === hold.holdId ? undefined : hold.holdId);
                    }}
                    aria-expanded={cancelling === hold.holdId}
                    data-testid="queue-cancel"
                  >
                    取消
                  </button>
                </td>
              </tr>,
              cancelling === hold.holdId ? <CancelRow key={`${hold.holdId}-cancel`} hold={hold} onDone={done} onClose={() => setCancelling(undefined)} /> : null,
            ])}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
