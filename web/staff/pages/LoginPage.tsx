import { useConfig } from '../../shared/config';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { useAction } from '../hooks';

interface Props {
  /** The token and the server's `expiresAt` (only a fallback: the session is timed from now). */
  onLoggedIn: (token: string, serverExpiresAt?: string) => void;
  /** Why the staff member is here again (the session ended). */
  notice?: string;
}

/** 職員ログイン: POST /admin/login; the token lasts one shift (8 h). */
export const LoginPage = ({ onLoggedIn, notice }: Props) => {
  const [staffId, setStaffId] = useState('');
  const { libraryName } = useConfig();
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await run(() => api.login(staffId.trim(), password));
    if (answer) onLoggedIn(answer.token, answer.expiresAt);
  };

  return (
    <main class="login" id="main">
      <h1 class="login-title">{libraryName} 職員画面</h1>
      <form class="card form" onSubmit={submit} data-testid="login-form" aria-describedby={error ? 'login-error' : undefined}>
        <h2>ログイン</h2>
        {notice ? (
          <p class="notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        ) : null}
        <TextField
          id="login-staff-id"
          name="staffId"
          label="職員ID"
          value={staffId}
          onValue={setStaffId}
          error={error}
          required
          autoComplete="username"
          testId="login-staff-id"
          autoFocus
        />
        <TextField
          id="login-password"
          name="password"
          label="パスワード"
          type="password"
          value={password}
          onValue={setPassword}
          error={error}
          required
          autoComplete="current-password"
          testId="login-password"
        />
        <ErrorMessage error={error} id="login-error" testId="login-error" />
        <button type="submit" disabled={busy} data-testid="login-submit">
          {busy ? 'ログイン中…' : 'ログイン'}
        </button>
      </form>
    </main>
  );
};
