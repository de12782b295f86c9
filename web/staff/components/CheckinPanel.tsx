import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useBranches } from '../context';
import { describeError } from '../errors';
import { formatDate } from '../format';
import type { ScanLog } from '../scan-log';
import { useSerialQueue } from '../serial-queue';
import { checkinErrorText, destinationText, DestinationBanner, type CheckinOutcome } from './DestinationBanner';

let seq = 0;

/** 返却/スキャン: one box for returns, pulled copies and arrivals; the answer is where the copy goes. */
export const CheckinPanel = ({ log, autoFocus, onAnswered }: { log: ScanLog; autoFocus: boolean; onAnswered?: () => void }) => {
  const { counterBranch, branchName } = useBranches();
  const [value, setValue] = useState('');
  const [outcome, setOutcome] = useState<CheckinOutcome | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const enqueue = useSerialQueue();

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const submit = (event: Event) => {
    event.preventDefault();
    const itemId = value.trim();
    setValue('');
    input.current?.focus();
    if (!itemId) return;
    const branch = counterBranch;
    const id = log.add({ kind: 'checkin', itemId });
    enqueue(async () => {
      try {
        const result = await api.checkin(itemId, branch);
        setOutcome({ itemId, result, seq: (seq += 1) });
        const deadline = result.action === 'HOLD_SHELF' && result.pickupDeadline ? ` 期限 ${formatDate(result.pickupDeadline)}` : '';
        const forWhom = result.cardNumber ? ` 予約者 ${result.cardNumber}` : '';
        log.settle(id, 'ok', destinationText(result, branchName) + deadline + forWhom, result.action);
        onAnswered?.();
      } catch (caught) {
        const error = describeError(caught);
        setOutcome({ itemId, error, seq: (seq += 1) });
        log.settle(id, 'error', checkinErrorText(itemId, error), error.code);
      }
    });
  };

  return (
    <section class="panel" aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">返却/スキャン</h2>
      <form onSubmit={submit} data-testid="checkin-form" class="scan-form">
        <label for="checkin-item">資料番号(バーコード)</label>
        <div class="scan-row">
          <input
            id="checkin-item"
            ref={input}
            class="scan-input"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            autoComplete="off"
            aria-describedby="checkin-help"
            data-testid="checkin-scan"
          />
          <button type="submit" data-testid="checkin-submit">
            読取
          </button>
        </div>
        <p class="hint" id="checkin-help">
          返却・書架から確保した予約資料・回送で届いた資料は、すべてここで読み取ります。({branchName(counterBranch)})
        </p>
      </form>
      <DestinationBanner outcome={outcome} />
    </section>
  );
};
