/** The staff console: login, this counter's branch, the header and the current page. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, client, onUnauthorized } from './api';
import { AppHeader } from './components/AppHeader';
import { BranchContext, type BranchState } from './context';
import { describeError, type ShownError } from './errors';
import { CalendarPage } from './pages/CalendarPage';
import { ContactListPage } from './pages/ContactListPage';
import { CounterPage } from './pages/CounterPage';
import { BranchSetupPage } from './pages/BranchSetupPage';
import { HoldsPage } from './pages/HoldsPage';
import { JobsPage } from './pages/JobsPage';
import { LoginPage } from './pages/LoginPage';
import { PatronPage } from './pages/PatronPage';
import { PatronsPage } from './pages/PatronsPage';
import { StaffPage } from './pages/StaffPage';
import { PullListPage } from './pages/PullListPage';
import { PAGES, useRoute, type Route } from './router';
import { useScanLogState, type ScanLog } from './scan-log';
import { endSession, loadBranch, saveBranch, sessionHasEnded, sessionOf, startSession } from './session';
import type { Branch, StaffRole } from './types';
import { ErrorMessage } from './components/ErrorMessage';

const EXPIRED = 'ログインの有効期限が切れました。もう一度ログインしてください。';

const Page = ({ route, log, role, staffId }: { route: Route; log: ScanLog; role: StaffRole; staffId?: string }) => {
  if (role !== 'ADMIN' && PAGES.find((p) => p.name === route.page)?.adminOnly) {
    return (
      <p class="empty" data-testid="admin-only">
        この画面は管理者のみ利用できます。
      </p>
    );
  }
  switch (route.page) {
    case 'pull-list':
      return <PullListPage />;
    case 'contact-list':
      return <ContactListPage />;
    case 'patrons':
      return <PatronsPage />;
    case 'patron':
      return <PatronPage cardNumber={route.param ?? ''} />;
    case 'staff':
      return <StaffPage self={staffId} />;
    case 'holds':
      return <HoldsPage titleId={route.param} canAddCopies={role === 'ADMIN'} />;
    case 'calendar':
      return <CalendarPage />;
    case 'jobs':
      return <JobsPage />;
    default:
      return <CounterPage log={log} />;
  }
};

const liveToken = (): string | undefined => {
  const token = client.token();
  if (token && sessionHasEnded()) {
    client.setToken(undefined);
    endSession();
    return undefined;
  }
  return token;
};

export const App = () => {
  const route = useRoute();
  const [token, setToken] = useState(liveToken);
  const [notice, setNotice] = useState('');
  const [branches, setBranches] = useState<Branch[]>([]);
  const [branchError, setBranchError] = useState<ShownError | undefined>();
  const [counterBranch, setCounterBranchState] = useState(loadBranch);
  const log = useScanLogState();

  const logout = useCallback(
    (message: string) => {
      client.setToken(undefined);
      endSession();
      setToken(undefined);
      setNotice(message);
      log.clear();
    },
    [log.clear],
  );

  useEffect(() => onUnauthorized(() => logout(EXPIRED)), [logout]);

  // Back to login when the shift's token runs out, even without a request.
  const { staffId, endsAt, role = 'COUNTER' } = sessionOf(token);
  useEffect(() => {
    if (!endsAt) return undefined;
    const timer = setTimeout(() => logout(EXPIRED), Math.max(0, Math.min(endsAt.getTime() - Date.now(), 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [endsAt?.getTime(), logout]);

  useEffect(() => {
    api.branches().then(setBranches, (caught: unknown) => setBranchError(describeError(caught)));
  }, []);

  const setCounterBranch = useCallback((code: string) => {
    saveBranch(code);
    setCounterBranchState(code);
  }, []);

  const known = branches.length === 0 || branches.some((b) => b.code === counterBranch);
  const state: BranchState = useMemo(
    () => ({ branches, counterBranch: known ? counterBranch : '', setCounterBranch }),
    [branches, counterBranch, known, setCounterBranch],
  );

  let body: ComponentChildren;
  if (!token) {
    body = (
      <LoginPage
        notice={notice}
        onLoggedIn={(next, serverExpiresAt) => {
          client.setToken(next);
          startSession(next, serverExpiresAt);
          setNotice('');
          setToken(next);
        }}
      />
    );
  } else if (!state.counterBranch) {
    body = <BranchSetupPage />;
  } else {
    body = (
      <>
        <AppHeader page={route.page} staffId={staffId} role={role} expiresAt={endsAt} onLogout={() => logout('ログアウトしました。')} />
        <main id="main" tabIndex={-1} class="content" key={`${route.page}|${state.counterBranch}`}>
          <Page route={route} log={log} role={role} staffId={staffId} />
        </main>
      </>
    );
  }

  return (
    <BranchContext.Provider value={state}>
      {branchError ? (
        <div class="content no-print">
          <ErrorMessage error={{ ...branchError, message: `図書館の一覧を読み込めませんでした: ${branchError.message}` }} testId="branches-error" />
        </div>
      ) : null}
      {body}
    </BranchContext.Provider>
  );
};
