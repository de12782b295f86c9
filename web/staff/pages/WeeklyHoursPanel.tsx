import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { WEEKDAY_KEYS } from '../calendar-defaults';
import { ErrorMessage } from '../components/ErrorMessage';
import { useBranches } from '../context';
import { useAction } from '../hooks';
import type { WeeklyHours } from '../types';

const LABELS = ['日', '月', '火', '水', '木', '金', '土'];

/** 曜日ごとの開館時間: GET and PUT /admin/branches/{branch}/hours (SPEC 2). */
export const WeeklyHoursPanel = ({ branch, weekly, onSaved }: { branch: string; weekly?: WeeklyHours; onSaved: (w: WeeklyHours) => void }) => {
  const { branchName } = useBranches();
  const [draft, setDraft] = useState<WeeklyHours | undefined>(weekly);
  const [saved, setSaved] = useState('');
  const { busy, error, run } = useAction();
  useEffect(() => setDraft(weekly), [weekly]);
  useEffect(() => setSaved(''), [branch]);
  if (!draft) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const saved = await run(async () => {
      await api.putWeeklyHours(branch, draft);
      return true;
    });
    if (saved) {
      onSaved(draft);
      setSaved(`保存しました: ${branchName(branch)}の曜日ごとの開館時間`);
    }
  };

  return (
    <section class="panel narrow" aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">曜日ごとの開館時間({branchName(branch)})</h2>
      <p class="lead">臨時休館などの設定がない日は、この時間で開館します。</p>
      <form class="form" onSubmit={submit} data-testid="weekly-form" noValidate>
        {WEEKDAY_KEYS.map((key, index) => {
          const hours = draft[key];
          return (
            <div class="field-row" key={key} data-testid={`weekly-${key}`}>
              <label class="checkbox-field">
                <input
                  type="checkbox"
                  checked={hours !== null}
                  onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.checked ? { opensAt: '09:30', closesAt: '17:00' } : null })}
                />{' '}
                {LABELS[index]}曜 開館
              </label>
              <input
                type="time"
                aria-label={`${LABELS[index]}曜 開館時刻`}
                value={hours?.opensAt ?? ''}
                disabled={!hours}
                onInput={(e) => hours && setDraft({ ...draft, [key]: { ...hours, opensAt: e.currentTarget.value } })}
              />
              <input
                type="time"
                aria-label={`${LABELS[index]}曜 閉館時刻`}
                value={hours?.closesAt ?? ''}
                disabled={!hours}
                onInput={(e) => hours && setDraft({ ...draft, [key]: { ...hours, closesAt: e.currentTarget.value } })}
              />
            </div>
          );
        })}
        <ErrorMessage error={error} testId="weekly-error" />
        <button type="submit" disabled={busy} data-testid="weekly-submit">
          {busy ? '保存中…' : '曜日ごとの時間を保存'}
        </button>
      </form>
      {saved ? (
        <p class="result result-ok" role="status" data-testid="weekly-result">
          {saved}
        </p>
      ) : null}
    </section>
  );
};
