import { useState } from 'preact/hooks';
import { api } from '../api';
import { formatDate } from '../format';
import { useAction } from '../hooks';
import type { PatronRecord } from '../types';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

/** 利用者登録: POST /admin/patrons. Internet service is a separate step (the password). */
export const RegisterPatronForm = ({ onRegistered }: { onRegistered: (cardNumber: string) => void }) => {
  const [cardNumber, setCardNumber] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [phone, setPhone] = useState('');
  const [done, setDone] = useState<PatronRecord | undefined>();
  const { busy, error, run } = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(undefined);
    const body = { cardNumber: cardNumber.trim(), name: name.trim(), birthDate, ...(phone.trim() ? { phone: phone.trim() } : {}) };
    const patron = await run(() => api.registerPatron(body));
    if (patron) {
      setDone(patron);
      setCardNumber('');
      setName('');
      setBirthDate('');
      setPhone('');
    }
  };

  return (
    <section class="panel" aria-labelledby="register-heading">
      <h2 id="register-heading">利用者登録</h2>
      <form class="form" onSubmit={submit} data-testid="patron-register-form" noValidate>
        <TextField
          id="register-card"
          name="cardNumber"
          label="利用者番号"
          hint="カードの8桁の番号"
          value={cardNumber}
          onValue={setCardNumber}
          error={error}
          required
          inputMode="numeric"
          maxLength={8}
          testId="register-card"
        />
        <TextField id="register-name" name="name" label="氏名" value={name} onValue={setName} error={error} required testId="register-name" />
        <TextField
          id="register-birth"
          name="birthDate"
          label="生年月日"
          type="date"
          value={birthDate}
          onValue={setBirthDate}
          error={error}
          required
          hint="インターネットの初期パスワードは誕生日の月日4桁になります"
          testId="register-birth"
        />
        <TextField
          id="register-phone"
          name="phone"
          label="電話番号"
          type="tel"
          value={phone}
          onValue={setPhone}
          error={error}
          hint="任意。予約の電話連絡に使います(例 029-123-4567)"
          inputMode="tel"
          testId="register-phone"
        />
        <ErrorMessage error={error} testId="register-error" />
        <button type="submit" disabled={busy} data-testid="register-submit">
          {busy ? '登録中…' : '登録する'}
        </button>
      </form>
      {done ? (
        <div class="result result-ok" role="status" data-testid="register-result">
          <p class="result-line">
            登録しました: <strong>{done.name}</strong> さん(利用者番号 <span class="mono">{done.cardNumber}</span>、生年月日 {formatDate(done.birthDate)})
          </p>
          <p>インターネットサービスを使う場合は、続けてパスワードを発行してください。</p>
          <button type="button" class="secondary" onClick={() => onRegistered(done.cardNumber)} data-testid="register-issue-password">
            この利用者のパスワードを発行する
          </button>
        </div>
      ) : null}
    </section>
  );
};
