import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { errorText, isSessionEnd } from '../errors';
import type { SearchItem } from '../types';
import { BranchSelect } from './BranchSelect';
import { LiveRegion, Notice } from './Notice';
import { lastPickup, rememberPickup } from './pickup';

const MAX_VOLUMES = 10;

/** Volumes in reading order: numbers as numbers (2 before 10), else as written. */
const byVolume = (a: SearchItem, b: SearchItem) => (a.volume ?? '').localeCompare(b.volume ?? '', 'ja', { numeric: true }) || a.title.localeCompare(b.title, 'ja');

/**
 * 順番に予約 (SPEC 10.2): the series' volumes in volume order with checkboxes, placed as one
 * sequence (POST /api/me/holds/sequence). The volumes are found by searching the series name.
 */
export const SequencePanel = ({ titleId, series }: { readonly titleId: string; readonly series: string }) => {
  const { t, api, session, mine, refreshMine } = useApp();
  const [volumes, setVolumes] = useState<SearchItem[]>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [branch, setBranch] = useState(lastPickup);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<number>();
  if (!session) return null;

  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const found = await api.search(new URLSearchParams({ q: series, pageSize: '100' }));
      const list = found.items.filter((item) => item.series === series && item.holdable && !mine.has(item.titleId)).sort(byVolume);
      setVolumes(list);
      // This volume and the ones after it are ticked to begin with.
      const from = Math.max(
        0,
        list.findIndex((v) => v.titleId === titleId),
      );
      setChosen(new Set(list.slice(from, from + MAX_VOLUMES).map((v) => v.titleId)));
    } catch (e) {
      if (!isSessionEnd(e)) setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    const titleIds = (volumes ?? []).filter((v) => chosen.has(v.titleId)).map((v) => v.titleId);
    if (titleIds.length < 2 || titleIds.length > MAX_VOLUMES) return setError(t('title.sequencePick'));
    if (!branch) return setError(t('hold.pickBranch'));
    setBusy(true);
    setError(undefined);
    try {
      const placed = await api.placeSequence(titleIds, branch);
      rememberPickup(branch);
      setDone(placed.holds.length);
      refreshMine().catch(() => undefined);
    } catch (e) {
      if (!isSessionEnd(e)) setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="sequence-heading" data-testid="sequence-panel">
      <h2 id="sequence-heading">{t('title.sequence')}</h2>
      <p class="small muted">{t('title.sequenceLead')}</p>
      <LiveRegion>
        {done ? (
          <Notice kind="ok" testId="sequence-result" focus>
            <p>{t('title.sequenceDone', { n: done })}</p>
            <p>
              <a href="#/status">{t('hold.seeStatus')}</a>
            </p>
          </Notice>
        ) : null}
        {error ? (
          <Notice kind="error" testId="sequence-error" focus>
            {error}
          </Notice>
        ) : null}
      </LiveRegion>
      {done ? null : !volumes ? (
        <button type="button" class="button" onClick={() => void open()} disabled={busy} data-testid="sequence-open">
          {busy ? t('title.sequenceLoading') : t('title.sequenceOpen')}
        </button>
      ) : (
        <form class="reserve-form" onSubmit={submit} noValidate data-testid="sequence-form">
          <ol class="sequence-volumes">
            {volumes.map((v) => (
              <li key={v.titleId}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(v.titleId)}
                    onChange={(e) => toggle(v.titleId, e.currentTarget.checked)}
                    data-testid="sequence-volume"
                    data-title-id={v.titleId}
                  />{' '}
                  {v.title}
                </label>
              </li>
            ))}
          </ol>
          <BranchSelect
            id={`sequence-pickup-${titleId}`}
            label={t('hold.pickup')}
            value={branch}
            onValue={setBranch}
            emptyLabel={t('hold.choose')}
            testId="sequence-branch"
          />
          <div class="actions">
            <button type="submit" class="button button-primary" disabled={busy} data-testid="sequence-submit">
              {t('title.sequenceSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};
