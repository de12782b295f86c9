import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useBranches } from '../context';
import { describeError, errorText, type ShownError } from '../errors';
import { formatDate } from '../format';
import type { ScanLog } from '../scan-log';
import { useLoad } from '../hooks';
import { useSerialQueue } from '../serial-queue';
import type { Loan } from '../types';
import { CounterPatron } from './CounterPatron';

type Outcome = { itemId: string; cardNumber: string } & ({ loan: Loan } | { error: ShownError });

const checkoutErrorText = (error: ShownError): string => {
  if (error.code === 'ON_HOLD_FOR_ANOTHER') return '他の利用者の予約資料です';
  if (error.code === 'NOT_FOUND' && error.field === 'cardNumber') return '利用者番号が登録されていません。';
  if (error.code === 'NOT_FOUND') return '資料番号が登録されていません。';
  return errorText(error);
};

const CheckoutResult = ({ outcome }: { outcome: Outcome | undefined }) => {
  if (!outcome) return <div class="result result-idle" data-testid="checkout-result" data-status="none" role="status" />;
  if ('error' in outcome) {
    const another = outcome.error.code === 'ON_HOLD_FOR_ANOTHER';
    return (
      <div class="result result-error" data-testid="checkout-result" data-status="error" data-code={outcome.error.code} role="alert">
        <p class={another ? 'result-main' : 'result-line'}>{checkoutErrorText(outcome.error)}</p>
        {another ? <p>貸出できません。「返却/スキャン」で読み取ると行き先を表示します。</p> : null}
        <p class="result-item">資料番号 {outcome.itemId}</p>
      </div>
    );
  }
  const { loan } = outcome;
  return (
    <div class="result result-ok" data-testid="checkout-result" data-status="ok" role="status">
      <p class="result-line">
        貸出しました{loan.holdId ? '(予約資料の受取)' : ''}: <strong>{loan.title || loan.itemId}</strong>
      </p>
      <p class="result-main" data-testid="checkout-due">
        返却期限 {formatDate(loan.dueDate)}
      </p>
      <p class="result-item">
        資料番号 {loan.itemId} / 利用者番号 {outcome.cardNumber}
      </p>
    </div>
  );
};

/** 貸出: card number, then item barcodes one after another (the card stays until the next patron). */
export const CheckoutPanel = ({ log, checkins = 0 }: { log: ScanLog; checkins?: number }) => {
  const { counterBranch } = useBranches();
  const [card, setCard] = useState('');
  const [item, setItem] = useState('');
  const [cardError, setCardError] = useState('');
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const cardInput = useRef<HTMLInputElement>(null);
  const itemInput = useRef<HTMLInputElement>(null);
  const enqueue = useSerialQueue();

  const cardValid = /^\d{8}$/.test(card.trim());
  // Read as soon as the card is: the patron is known (or not) before the first item.
  const patronCard = cardValid ? card.trim() : '';
  const patron = useLoad(patronCard, () => api.patron(patronCard));
  useEffect(() => {
    if (checkins > 0 && patronCard) void patron.reload();
    // Only a new check-in reads again; a new card is useLoad's.
  }, [checkins]);

  const onCardKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (cardValid) {
      setCardError('');
      itemInput.current?.focus();
    } else setCardError('利用者番号は8桁の半角数字です。');
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const itemId = item.trim();
    const cardNumber = card.trim();
    setItem('');
    if (!cardValid) {
      setCardError('利用者番号は8桁の半角数字です。');
      cardInput.current?.focus();
      return;
    }
    setCardError('');
    itemInput.current?.focus();
    if (!itemId) return;
    const branch = counterBranch;
    const id = log.add({ kind: 'checkout', itemId, cardNumber });
    enqueue(async () => {
      try {
        const loan = await api.checkout(cardNumber, itemId, branch);
        setOutcome({ itemId, cardNumber, loan });
        log.settle(id, 'ok', `貸出 返却期限 ${formatDate(loan.dueDate)}${loan.title ? ` ${loan.title}` : ''}`);
      } catch (caught) {
        const error = describeError(caught);
        setOutcome({ itemId, cardNumber, error });
        log.settle(id, 'error', checkoutErrorText(error), error.code);
      }
      if (cardNumber === patronCard) await patron.reload();
    });
  };

  const nextPatron = () => {
    setCard('');
    setItem('');
    setCardError('');
    setOutcome(undefined);
    cardInput.current?.focus();
  };

  return (
    <section class="panel" aria-labelledby="checkout-heading">
      <h2 id="checkout-heading">貸出</h2>
      <form onSubmit={submit} data-testid="checkout-form" class="scan-form">
        <label for="checkout-card">利用者番号(カード)</label>
        <input
          id="checkout-card"
          ref={cardInput}
          class="scan-input"
          value={card}
          onInput={(e) => {
            setCard(e.currentTarget.value);
            setOutcome(undefined);
          }}
          onKeyDown={onCardKey}
          autoComplete="off"
          inputMode="numeric"
          maxLength={8}
          aria-invalid={cardError ? 'true' : undefined}
          aria-describedby={cardError ? 'checkout-card-error' : undefined}
          data-testid="checkout-card"
        />
        {cardError ? (
          <p class="error-message" id="checkout-card-error" role="alert" data-testid="checkout-card-error">
            {cardError}
          </p>
        ) : null}
        <label for="checkout-item">資料番号(バーコード)</label>
        <div class="scan-row">
          <input
            id="checkout-item"
            ref={itemInput}
            class="scan-input"
            value={item}
            onInput={(e) => setItem(e.currentTarget.value)}
            autoComplete="off"
            data-testid="checkout-item"
          />
          <button type="submit" data-testid="checkout-submit">
            貸出
          </button>
        </div>
        <p class="hint">カードを読み取ると資料番号の欄に移ります。資料は続けて読み取れます。</p>
        <button type="button" class="secondary" onClick={nextPatron} data-testid="checkout-next-patron">
          次の利用者
        </button>
      </form>
      <CheckoutResult outcome={outcome} />
      <CounterPatron cardNumber={patronCard} view={patron.data} error={patron.error} loading={patron.loading} />
    </section>
  );
};
