import { useConfig } from '../../shared/config';
import { onServerClock } from '../../shared/server-clock';
import { shortTime } from '../format';
import { useBranches } from '../context';
import { href, pagesFor, type PageName } from '../router';
import type { StaffRole } from '../types';
import { BranchSelect } from './BranchSelect';

interface Props {
  page: PageName;
  staffId?: string;
  role: StaffRole;
  expiresAt?: Date;
  onLogout: () => void;
}

/** Title, this counter's branch, the signed-in staff member, and the pages their role may use. */
export const AppHeader = ({ page, staffId, role, expiresAt, onLogout }: Props) => {
  const { counterBranch, setCounterBranch } = useBranches();
  const { libraryName } = useConfig();
  return (
    <header class="app-header no-print">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link (WCAG G1); the hash router owns the URL's #, so the click moves focus itself */}
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        本文へ移動
      </a>
      <div class="top-bar">
        <p class="app-name">{libraryName} 職員画面</p>
        <BranchSelect id="counter-branch" label="このカウンター" value={counterBranch} onValue={setCounterBranch} testId="counter-branch" class="header-branch" />
        <p class="staff-info" data-testid="staff-info">
          {staffId ? `職員 ${staffId}(${role === 'ADMIN' ? '管理者' : 'カウンター'})` : ''}
          {expiresAt ? (
            // The end is kept on this PC's clock (session-end.ts) and shown on the service's, like every time here.
            <span class="muted-on-dark session-end" data-testid="session-end">
              セッション終了 {shortTime(onServerClock(expiresAt))}
            </span>
          ) : null}
        </p>
        <button type="button" class="on-dark" onClick={onLogout} data-testid="logout">
          ログアウト
        </button>
      </div>
      <nav aria-label="画面" class="main-nav">
        <ul>
          {pagesFor(role)
            .filter((p) => p.inNav !== false)
            .map((p) => (
              <li key={p.name}>
                <a href={href(p.name)} aria-current={p.name === page ? 'page' : undefined} data-testid={`nav-${p.name}`}>
                  {p.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </header>
  );
};
