import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { useAction, useLoad } from '../hooks';
import type { StaffAccount, StaffRole } from '../types';

const roleLabels: Record<StaffRole, string> = { ADMIN: '管理者', COUNTER: 'カウンター' };

/** 職員の追加: POST /admin/staff (SPEC 11, administrators only). */
const AddStaffForm = ({ onAdded }: { onAdded: (account: StaffAccount) => void }) => {
  const [staffId, setStaffId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('COUNTER');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const added = await run(() => api.createStaff({ staffId: staffId.trim(), name: name.trim(), role, password }));
    if (!added) return;
    setStaffId('');
    setName('');
    setPassword('');
    onAdded(added);
  };

  return (
    <section class="panel narrow" aria-labelledby="add-staff-heading">
      <h2 id="add-staff-heading">職員の追加</h2>
      <form class="form" onSubmit={submit} data-testid="add-staff-form" noValidate>
        <TextField
          id="staff-id"
          name="staffId"
          label="職員ID"
          value={staffId}
          onValue={setStaffId}
          error={error}
          required
          maxLength={64}
          hint="半角英数字と . _ -"
          testId="staff-id"
        />
        <TextField id="staff-name" name="name" label="氏名" value={name} onValue={setName} error={error} required maxLength={100} testId="staff-name" />
        <fieldset class="field">
          <legend>権限</legend>
          <div class="radio-row">
            {(['COUNTER', 'ADMIN'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="staff-role" checked={role === value} onChange={() => setRole(value)} data-testid={`staff-role-${value}`} /> {roleLabels[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          id="staff-password"
          name="password"
          label="初期パスワード"
          type="password"
          value={password}
          onValue={setPassword}
          error={error}
          required
          autoComplete="new-password"
          hint="10文字以上"
          testId="staff-password"
        />
        <ErrorMessage error={error} testId="add-staff-error" />
        <button type="submit" disabled={busy} data-testid="add-staff-submit">
          {busy ? '追加中…' : '追加する'}
        </button>
      </form>
    </section>
  );
};

/** 職員: the accounts, adding one and disabling one (SPEC 11). `self` cannot be disabled. */
export const StaffPage = ({ self }: { self?: string }) => {
  const accounts = useLoad('staff', () => api.staffAccounts());
  const [notice, setNotice] = useState('');
  const disabling = useAction();

  const disable = async (account: StaffAccount) => {
    if (!window.confirm(`${account.name}(${account.staffId})を無効にします。この職員はすぐにログアウトされ、ログインできなくなります。`)) return;
    setNotice('');
    const done = await disabling.run(async () => {
      await api.disableStaff(account.staffId);
      return true;
    });
    if (done) {
      setNotice(`${account.staffId} を無効にしました。`);
      void accounts.reload();
    }
  };

  return (
    <>
      <PageHeading>職員アカウント</PageHeading>
      <section class="panel" aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading">職員の一覧</h2>
        <ErrorMessage error={accounts.error ?? disabling.error} testId="staff-list-error" />
        {notice ? (
          <p class="result result-ok" role="status" data-testid="staff-notice">
            {notice}
          </p>
        ) : null}
        {accounts.data ? (
          <table class="table" data-testid="staff-list">
            <thead>
              <tr>
                <th scope="col">職員ID</th>
                <th scope="col">氏名</th>
                <th scope="col">権限</th>
                <th scope="col">状態</th>
                <th scope="col">
                  <span class="visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((account) => (
                <tr key={account.staffId} data-testid="staff-row" data-staff-id={account.staffId}>
                  <td class="mono">{account.staffId}</td>
                  <td>{account.name}</td>
                  <td>{roleLabels[account.role]}</td>
                  <td>{account.disabled ? '無効' : '有効'}</td>
                  <td>
                    {!account.disabled && account.staffId !== self ? (
                      <button type="button" class="danger" disabled={disabling.busy} onClick={() => void disable(account)} data-testid="staff-disable">
                        無効にする
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : accounts.loading ? (
          <p class="muted">読み込み中…</p>
        ) : null}
      </section>
      <AddStaffForm
        onAdded={(account) => {
          setNotice(`${account.staffId}(${roleLabels[account.role]})を追加しました。`);
          void accounts.reload();
        }}
      />
    </>
  );
};
