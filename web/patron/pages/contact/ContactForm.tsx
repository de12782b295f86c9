import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api';
import { useConfig } from '../../../shared/config';
import { TextField } from '../../components/Field';
import { LiveRegion, Notice } from '../../components/Notice';
import { useApp } from '../../context';
import { errorText, isSessionEnd } from '../../errors';
import type { ContactMethod, Profile } from '../../types';

const METHODS: readonly ContactMethod[] = ['EMAIL', 'PHONE', 'NONE'];

/** 予約連絡アドレスの入力と連絡方法の変更 (PUT /api/me/contact), with the API's dot warning. */
export const ContactForm = () => {
  const { t, lang, api, session, updateSession } = useApp();
  const { mailFrom } = useConfig();
  const [profile, setProfile] = useState<Profile>();
  const [email, setEmail] = useState('');
  const [method, setMethod] = useState<ContactMethod>('NONE');
  const [fieldError, setFieldError] = useState<string>();
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; warning?: string | null }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .me()
      .then((me) => {
        if (!live) return;
        setProfile(me);
        setEmail(me.email ?? '');
        setMethod(me.contactMethod);
      })
      .catch((e: unknown) => live && !isSessionEnd(e) && setResult({ kind: 'error', text: errorText(e, t) }));
    return () => {
      live = false;
    };
  }, [lang]);

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    setBusy(true);
    setFieldError(undefined);
    setResult(undefined);
    try {
      const saved = await api.updateContact(email.trim(), method);
      setProfile(saved);
      setEmail(saved.email ?? '');
      setResult({ kind: 'ok', text: t('contact.saved'), warning: saved.emailWarning });
      updateSession({ contactConfigured: true, emailBouncing: saved.emailStatus === 'BOUNCING' });
    } catch (e) {
      if (isSessionEnd(e)) return;
      if (e instanceof ApiError && e.field === 'email') {
        setFieldError(e.message);
        document.getElementById('contact-email')?.focus();
      } else setResult({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const onMethod = (event: JSX.TargetedEvent<HTMLInputElement, Event>) => setMethod(event.currentTarget.value as ContactMethod);

  return (
    <section class="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('contact.mailTitle')}</h2>
      <p class="small">{t('contact.mailLead')}</p>
      {session ? <p class="small muted">{t('contact.account', { card: session.cardNumber, name: session.name })}</p> : null}
      <LiveRegion>
        {result ? (
          <>
            <Notice kind={result.kind} testId="contact-result" focus>
              {result.text}
            </Notice>
            {result.warning ? (
              <Notice kind="warn" testId="email-warning">
                <strong aria-hidden="true">⚠ </strong>
                {result.warning}
              </Notice>
            ) : null}
          </>
        ) : null}
      </LiveRegion>
      {!result && profile?.emailWarning ? (
        <Notice kind="warn" testId="email-warning-current">
          {profile.emailWarning}
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate data-testid="contact-form">
        <TextField
          id="contact-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          label={t('contact.email')}
          hint={t('contact.emailHint')}
          value={email}
          onValue={(v) => {
            setEmail(v);
            setFieldError(undefined);
          }}
          error={fieldError}
          required={method === 'EMAIL'}
          testId="contact-email"
          lang="en"
        />
        {mailFrom ? (
          <p class="small sender" data-testid="contact-sender">
            {t('contact.sender', { address: mailFrom })}
          </p>
        ) : null}
        <fieldset class="choices">
          <legend>{t('contact.method')}</legend>
          {METHODS.map((m) => (
            <div class="choice" key={m}>
              <input
                type="radio"
                id={`contact-method-${m}`}
                name="contactMethod"
                value={m}
                checked={method === m}
                onChange={onMethod}
                data-testid={`contact-method-${m}`}
              />
              <label for={`contact-method-${m}`}>{t(`contact.method.${m}`)}</label>
            </div>
          ))}
          {method === 'PHONE' && profile ? (
            <p class="small phone-on-file" data-testid="contact-phone" aria-live="polite">
              {profile.phone ? t('contact.phoneOnFile', { phone: profile.phone }) : t('contact.phoneMissing')}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" class="button button-primary" disabled={busy || !profile} data-testid="contact-save">
          {t('contact.save')}
        </button>
      </form>
    </section>
  );
};
