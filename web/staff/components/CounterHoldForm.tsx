import { useState } from 'preact/hooks';
import { api } from '../api';
import { useBranches } from '../context';
import { useAction } from '../hooks';
import type { StaffHold } from '../types';
import { BranchSelect } from './BranchSelect';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

/** カウンター予約: POST /admin/holds — WAITING at once; contest and latest-issue titles allowed. */
export const CounterHoldForm = ({ titleId, onPlaced }: { titleId: string; onPlaced: () => void }) => {
  const { counterBranch, branchName } = useBranches();
  const [cardNumber, setCardNumber] = useState('');
  const [pickupBranch, setPickupBranch] = useState(counterBranch);
  const [placed, setPlaced] = useState<StaffHold | undefined>();
  const { busy, error, run } = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    setPlaced(undefined);
    const hold = await run(() => api.counterHold(cardNumber.trim(), titleId, pickupBranch));
    if (hold) {
      setPlaced(hold);
      setCardNumber('');
      onPlaced();
    }
  };

  return (
    <section class="panel" aria-labelledby="counter-hold-heading">
      <h2 id="counter-hold-heading">カウンター予約</h2>
      <p class="hint">その場で予約中(順番待ち)になります。課題図書・雑誌最新号も予約できます。</p>
      <form class="form" onSubmit={submit} data-testid="counter-hold-form" noValidate>
        <TextField
          id="hold-card"
          name="cardNumber"
          label="利用者番号"
          value={cardNumber}
          onValue={setCardNumber}
          error={error}
          required
          inputMode="numeric"
          maxLength={8}
          testId="hold-card"
        />
        <BranchSelect id="hold-pickup" label="受取館" value={pickupBranch} onValue={setPickupBranch} testId="hold-pickup" invalid={error?.field === 'pickupBranch'} />
        <ErrorMessage error={error} testId="counter-hold-error" />
        <button type="submit" disabled={busy} data-testid="counter-hold-submit">
          {busy ? '予約中…' : '予約する'}
        </button>
      </form>
      {placed ? (
        <div class="result result-ok" role="status" data-testid="counter-hold-result" data-hold-id={placed.holdId}>
          <p class="result-line">
            予約しました: 利用者番号 <span class="mono">{placed.cardNumber}</span> / 受取館 {branchName(placed.pickupBranch)} / {placed.statusLabel}
            {placed.position ? ` ${placed.position}番目` : ''}
          </p>
          <p class="muted">予約番号 {placed.holdId}</p>
        </div>
      ) : null}
    </section>
  );
};
