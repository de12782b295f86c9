import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useAction } from '../hooks';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

interface Props {
  /** A card number handed over from registration (changes → fills the form and focuses it). */
  preset: { cardNumber: string; seq: number } | undefined;
}

/** インターネット用パスワードの発行・再発行: POST /admin/patrons/{card}/internet-password. */
export const PasswordIssueForm = ({ preset }: Props) => {
  const [cardNumber, setCardNumber] = useState('');
  const [issued, setIssued] = useState<{ cardNumber: string; password: string } | undefined>();
  const { busy, error, run } = useAction();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!preset) return;
    setCardNumber(preset.cardNumber);
    setIssued(undefined);
    input.current?.focus();
  }, [preset]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setIssued(undefined);
    const card = cardNumber.trim();
    const answer = await run(() => api.issuePassword(card));
    if (answer) setIssued({ cardNumber: card, password: answer.initialPassword });
  };

  return (
    <section class="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">インターネット用パスワードの発行・再発行</h2>
      <p class="lead">
        初回の発行も、忘れた場合の再発行も同じ操作です。パスワードは誕生日の月日4桁(初期パスワード)になり、ログイン失敗でロックされている場合は解除されます。
      </p>
      <form class="form" onSubmit={submit} data-testid="password-issue-form" noValidate>
        <TextField
          id="password-card"
          name="cardNumber"
          label="利用者番号"
          value={cardNumber}
          onValue={setCardNumber}
          error={error}
          required
          inputMode="numeric"
          maxLength={8}
          testId="password-card"
          inputRef={input}
        />
        <ErrorMessage error={error} testId="password-error" />
        <button type="submit" disabled={busy} data-testid="password-submit">
          {busy ? '発行中…' : '発行する(ロック解除)'}
        </button>
      </form>
      {issued ? (
        <div class="result result-ok password-result" role="status" data-testid="password-result">
          <p class="result-line">
            利用者番号 <span class="mono">{issued.cardNumber}</span> の初期パスワード
          </p>
          <p class="password-big mono" data-testid="initial-password">
            {issued.password}
          </p>
          <ul class="plain-list">
            <li>利用者にこの番号をお伝えください(口頭またはメモ)。</li>
            <li>ロックは解除されました。すぐにログインできます。</li>
            <li>初回ログイン後、パスワードの変更とメールアドレス・連絡方法の登録をお願いしてください。</li>
          </ul>
        </div>
      ) : null}
    </section>
  );
};
