import { Notice } from '../components/Notice';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { navigate, safeNext, type Location } from '../router';
import { PasswordForm } from './contact/PasswordForm';

/**
 * パスワードの変更, where a patron signed in with the initial password is sent (SPEC 12: it
 * opens nothing else). It says why, and once the password is changed goes on to `next`,
 * the page the patron was on their way to.
 */
export const PasswordPage = ({ location }: { readonly location: Location }) => {
  const { t, session, setFlash } = useApp();
  const next = safeNext(location.query.get('next')) ?? '/status';
  const done = () => {
    setFlash({ kind: 'ok', key: 'password.changedContinue', path: next.split('?')[0] ?? next });
    navigate(next, { replace: true });
  };
  return (
    <div class="narrow">
      <PageTitle>{t('password.title')}</PageTitle>
      {session?.passwordIsInitial ? (
        <Notice kind="warn" testId="password-why">
          <p>{t('password.why')}</p>
          <p>{t('password.what')}</p>
        </Notice>
      ) : null}
      <p class="small">{t('password.rules')}</p>
      <PasswordForm onChanged={done} />
    </div>
  );
};
