import { useState } from 'preact/hooks';
import { LiveRegion, Notice } from '../../components/Notice';
import { useApp } from '../../context';
import type { Hold } from '../../types';
import { HoldItem } from './HoldItem';

const ACTIVE = new Set(['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY']);

/** 予約している資料 (active holds), then finished ones (shown 30 days). */
export const HoldsSection = ({ holds, onChanged }: { readonly holds: readonly Hold[]; onChanged(): Promise<void> }) => {
  const { t } = useApp();
  const [cancelled, setCancelled] = useState<{ text: string; n: number }>();
  const active = holds.filter((h) => ACTIVE.has(h.status));
  const finished = holds.filter((h) => !ACTIVE.has(h.status));

  const onCancelled = async (hold: Hold) => {
    // A new key for each cancellation: the message is announced and focused anew (issue 10.7).
    setCancelled((last) => ({ text: t('status.cancelled', { title: hold.title }), n: (last?.n ?? 0) + 1 }));
    await onChanged();
  };

  const refresh = () => {
    setCancelled(undefined);
    return onChanged();
  };

  return (
    <section aria-labelledby="holds-heading" class="status-section">
      <h2 id="holds-heading">
        {t('status.holds')} <span class="count">{active.length}</span>
      </h2>
      <LiveRegion>
        {cancelled ? (
          <Notice kind="ok" testId="cancel-message" focus key={cancelled.n}>
            {cancelled.text}
          </Notice>
        ) : null}
      </LiveRegion>
      {active.length === 0 ? (
        <p class="empty" data-testid="no-holds">
          {t('status.noHolds')}
        </p>
      ) : (
        <ul class="list" data-testid="hold-list">
          {active.map((hold) => (
            <HoldItem key={hold.holdId} hold={hold} onCancelled={onCancelled} onRefresh={refresh} />
          ))}
        </ul>
      )}
      {finished.length > 0 ? (
        <>
          <h3 class="subheading">{t('status.finished')}</h3>
          <ul class="list list-finished" data-testid="finished-hold-list">
            {finished.map((hold) => (
              <HoldItem key={hold.holdId} hold={hold} onCancelled={onCancelled} onRefresh={refresh} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};
