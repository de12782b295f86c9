import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api';
import { TextField } from '../../components/Field';
import { LiveRegion, Notice } from '../../components/Notice';
import { useApp } from '../../context';
import { errorText, isSessionEnd } from '../../errors';
import { asciiDigits } from '../../format';

type Fields = 'currentPassword' | 'newPassword' | 'confirm';

const FIELD_IDS: Record<Fields, string> = { currentPassword: 'pw-current', newPassword: 'pw-new', confirm: 'pw-confirm' };

/**
 * パスワード変更 (PUT /api/me/password); the 1–6 digit rule is the API's to explain. A change
 * ends every session of the account, this one too (SPEC 12), so the form logs in again with
 * the new password and carries on in the new session; `onChanged` then runs.
 */
export const PasswordForm = ({ onChanged }: { readonly onChanged?: () => void }) => {
  const { t, api, session, startSession } = useApp();
  const [values, setValues] = useState<Record<Fields, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const set = (field: Fields) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const showErrors = (found: Partial<Record<Fields, string>>) => {
    setErrors(found);
    const first = (Object.keys(FIELD_IDS) as Fields[]).find((f) => found[f]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
  };

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    setResult(undefined);
    const current = asciiDigits(values.currentPassword);
    const fresh = asciiDigits(values.newPassword);
    const found: Partial<Record<Fields, string>> = {
      currentPassword: current ? undefined : t('contact.required'),
      newPassword: fresh ? undefined : t('contact.required'),
      confirm: asciiDigits(values.confirm) === fresh ? undefined : t('contact.mismatch'),
    };
    if (found.currentPassword || found.newPassword || found.confirm) {
      showErrors(found);
      return;
    }
    setBusy(true);
    try {
      await api.changePassword(current, fresh);
      if (session) await startSession(await api.login(session.cardNumber, fresh), session.cardNumber);
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      setErrors({});
      setResult({ kind: 'ok', text: t('contact.passwordChanged') });
      onChanged?.();
    } catch (e) {
      if (isSessionEnd(e)) return;
      if (e instanceof ApiError && (e.field === 'currentPassword' || e.field === 'newPassword')) showErrors({ [e.field]: e.message });
      else setResult({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('contact.passwordTitle')}</h2>
      <p class="small">{t('contact.passwordLead')}</p>
      <LiveRegion>
        {result ? (
          <Notice kind={result.kind} testId="password-result">
            {result.text}
          </Notice>
        ) : null}
      </LiveRegion>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <TextField
          id="pw-current"
          name="currentPassword"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          label={t('contact.currentPassword')}
          value={values.currentPassword}
          onValue={set('currentPassword')}
          error={errors.currentPassword}
          testId="pw-current"
          inputClass="input-digits"
        />
        <TextField
          id="pw-new"
          name="newPassword"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          label={t('contact.newPassword')}
          hint={t('contact.newPasswordHint')}
          value={values.newPassword}
          onValue={set('newPassword')}
          error={errors.newPassword}
          testId="pw-new"
          inputClass="input-digits"
        />
        <TextField
          id="pw-confirm"
          name="confirmPassword"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          label={t('contact.confirmPassword')}
          value={values.confirm}
          onValue={set('confirm')}
          error={errors.confirm}
          testId="pw-confirm"
          inputClass="input-digits"
        />
        <button type="submit" class="button button-primary" disabled={busy} data-testid="password-save">
          {t('contact.changePassword')}
        </button>
      </form>
    </section>
  );
};
