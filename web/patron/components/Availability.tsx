import { useApp } from '../context';
import type { BranchAvailability } from '../types';

interface AvailabilityProps {
  readonly copies: number;
  readonly available: number;
  readonly branches: readonly BranchAvailability[];
}

/** Copies and copies on the shelf, in all and per branch (branches in the library's order). */
export const Availability = ({ copies, available, branches }: AvailabilityProps) => {
  const { t, branches: known, branchName } = useApp();
  const order = (code: string) => {
    const at = known.findIndex((b) => b.code === code);
    return at < 0 ? known.length : at;
  };
  const sorted = [...branches].sort((a, b) => order(a.branch) - order(b.branch));
  if (copies === 0) return <p class="avail-summary muted">{t('avail.noCopies')}</p>;
  return (
    <div class="avail">
      <p class="avail-summary">{t('avail.summary', { copies, available })}</p>
      <ul class="avail-list" aria-label={t('avail.label')} data-testid="availability">
        {sorted.map((b) => (
          <li key={b.branch} class={`chip ${b.available > 0 ? 'chip-on' : 'chip-off'}`} data-branch={b.branch}>
            <span aria-hidden="true">
              {branchName(b.branch)} <strong>{t('avail.branch', { available: b.available, copies: b.copies })}</strong>
            </span>
            <span class="visually-hidden">{t('avail.branchLong', { branch: branchName(b.branch), available: b.available, copies: b.copies })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
};
