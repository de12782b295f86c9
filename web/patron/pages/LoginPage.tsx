import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { TextField } from '../components/Field';
import { LiveRegion, Notice } from '../components/Notice';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { errorText } from '../errors';
import { asciiDigits, cardDigits, formatDateTime } from '../format';
import { href, navigate, safeNext, type Location } from '../router';

const CARD = /^\d{8}$/;
const PIN = /^\d{1,6}$/;

interface Failure {
  /** Counts the failures: each one is focused and announced anew (issue 10.7). */
  readonly n: number;
  readonly message: string;
  readonly unlocksAt?: string;
}

/** ログイン: 利用者番号 (8 digits) and パスワード (1–6 digits), then back where the patron was. */
export const LoginPage = ({ location }: { readonly location: Location }) => {
  const { t, lang, api, session, startSession, setFlash } = useApp();
  const next = safeNext(location.query.get('next')) ?? '/status';
  const [card, setCard] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ card?: string; password?: string }>({});
  const [failure, setFailure] = useState<Failure>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (session && !busy) navigate(next, { replace: true });
  }, [session]);

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    const cardNumber = cardDigits(card.trim());
    const pin = asciiDigits(password);
    const found = {
      card: CARD.test(cardNumber) ? undefined : t('login.cardRule'),
      password: PIN.test(pin) ? undefined : t('login.passwordRule'),
    };
    setErrors(found);
    setFailure(undefined);
    if (found.card || found.password) {
      document.getElementById(found.card ? 'login-card' : 'login-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await api.login(cardNumber, pin);
      await startSession(result, cardNumber);
      if (result.passwordIsInitial) {
        // SPEC 12: the initial password opens nothing but its change. The password page
        // says why, and goes on to `next` once it is changed.
        navigate(href('/password', { next }), { replace: true });
        return;
      }
      setFlash({ kind: 'ok', key: 'login.welcome', path: next.split('?')[0] ?? next });
      navigate(next, { replace: true });
    } catch (e) {
      const unlocksAt = e instanceof ApiError && typeof e.details.unlocksAt === 'string' ? e.details.unlocksAt : undefined;
      setFailure((last) => ({ n: (last?.n ?? 0) + 1, message: errorText(e, t), unlocksAt }));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      <p class="lead">{t('login.lead')}</p>
      <LiveRegion politeness="assertive">
        {failure ? (
          <Notice kind="error" testId="login-error" focus key={failure.n}>
            <p>{failure.message}</p>
            {failure.unlocksAt ? (
              <p data-testid="login-unlocks-at" data-unlocks-at={failure.unlocksAt}>
                {t('login.unlocksAt', { time: formatDateTime(failure.unlocksAt, lang) })}
              </p>
            ) : null}
          </Notice>
        ) : null}
      </LiveRegion>
      <form class="card form" onSubmit={submit} noValidate data-testid="login-form">
        <TextField
          id="login-card"
          name="cardNumber"
          label={t('login.card')}
          hint={t('login.cardHint')}
          value={card}
          onValue={setCard}
          inputMode="numeric"
          autoComplete="username"
          maxLength={12}
          error={errors.card}
          required
          testId="login-card"
          inputClass="input-digits"
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          hint={t('login.passwordHint')}
          value={password}
          onValue={setPassword}
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={6}
          error={errors.password}
          required
          testId="login-password"
          inputClass="input-digits"
        />
        <button type="submit" class="button button-primary button-block" disabled={busy} data-testid="login-submit">
          {t('login.submit')}
        </button>
      </form>
      <ul class="help">
        <li>{t('login.forgot')}</li>
        <li>{t('login.noPassword')}</li>
      </ul>
    </div>
  );
};
