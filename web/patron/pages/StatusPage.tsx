import { useEffect, useState } from 'preact/hooks';
import { LiveRegion, Notice } from '../components/Notice';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { errorText, isSessionEnd } from '../errors';
import type { PatronStatus } from '../types';
import { HoldsSection } from './status/HoldsSection';
import { LoansSection } from './status/LoansSection';

const ACTIVE = new Set(['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY']);

/** 利用状況 (GET /api/me/status): loans with 貸出延長, holds with 取消, the hold count against the limit. */
export const StatusPage = () => {
  const { t, lang, api, noteStatus } = useApp();
  const [status, setStatus] = useState<PatronStatus>();
  const [error, setError] = useState<string>();

  const load = async () => {
    try {
      const fresh = await api.status();
      setStatus(fresh);
      noteStatus(fresh);
      setError(undefined);
    } catch (e) {
      if (!isSessionEnd(e)) setError(errorText(e, t));
    }
  };

  // Labels such as 仮予約 come from the API in the patron's language: reload on a switch.
  useEffect(() => {
    void load();
  }, [lang]);

  const activeHolds = status ? (status.activeHolds ?? status.holds.filter((h) => ACTIVE.has(h.status)).length) : 0;

  return (
    <>
      <PageTitle>{t('status.title')}</PageTitle>
      <LiveRegion>{error ? <Notice kind="error">{error}</Notice> : null}</LiveRegion>
      {!status && !error ? <p class="muted">{t('app.loading')}</p> : null}
      {status ? (
        <>
          <ul class="summary" data-testid="status-summary">
            <li data-testid="loan-count" data-count={status.loans.length}>
              {t('status.loanCount', { n: status.loans.length })}
            </li>
            <li data-testid="hold-count" data-active={activeHolds} data-limit={status.holdLimit}>
              {t('status.holdCount', { active: activeHolds, limit: status.holdLimit })}
            </li>
            <li>
              <a href="#/basket" data-testid="status-basket-link">
                {t('status.basketLink', { n: status.basket.length })}
              </a>
            </li>
          </ul>
          <LoansSection loans={status.loans} onChanged={load} />
          <HoldsSection holds={status.holds} onChanged={load} />
          <p>
            <button type="button" class="button button-quiet button-small" onClick={() => void load()} data-testid="status-refresh">
              {t('status.refresh')}
            </button>
          </p>
        </>
      ) : null}
    </>
  );
};
