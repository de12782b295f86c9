import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { BranchSelect } from '../components/BranchSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { defaultHours } from '../calendar-defaults';
import { useBranches } from '../context';
import { formatDate, tokyoToday } from '../format';
import { useAction } from '../hooks';
import type { WeeklyHours } from '../types';
import { WeeklyHoursPanel } from './WeeklyHoursPanel';

/**
 * 開館日: a branch's weekly hours (GET/PUT /admin/branches/{branch}/hours) and one day set
 * apart from them, for one branch or all (PUT /admin/calendar/{branch}/{date}).
 */
export const CalendarPage = () => {
  const { counterBranch, branches, branchName } = useBranches();
  const [branch, setBranch] = useState(counterBranch);
  const [allBranches, setAllBranches] = useState(false);
  const [date, setDate] = useState(tokyoToday());
  const [weekly, setWeekly] = useState<WeeklyHours | undefined>();
  const [hours, setHours] = useState(() => defaultHours(tokyoToday(), undefined));
  const [saved, setSaved] = useState('');
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    if (!branch) return;
    let current = true;
    api.weeklyHours(branch).then(
      (loaded) => {
        if (!current) return;
        setWeekly(loaded);
        if (/^\d{4}-\d{2}-\d{2}$/.test(date)) setHours(defaultHours(date, loaded));
      },
      () => current && setWeekly(undefined),
    );
    return () => {
      current = false;
    };
  }, [branch]);

  const changeDate = (value: string) => {
    setDate(value);
    setSaved('');
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setHours(defaultHours(value, weekly));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    if (hours.open && hours.opensAt && hours.closesAt && hours.closesAt <= hours.opensAt) {
      setError({ code: 'VALIDATION', field: 'closesAt', message: '閉館時刻は開館時刻より後にしてください。' });
      return;
    }
    const targets = allBranches ? branches.map((b) => b.code) : [branch];
    const day = hours.open ? { open: true, opensAt: hours.opensAt, closesAt: hours.closesAt } : { open: false };
    const ok = await run(async () => {
      for (const code of targets) await api.putCalendarDay(code, date, day);
      return true;
    });
    if (ok) {
      const where = allBranches ? '全館' : branchName(branch);
      setSaved(`保存しました: ${where} ${formatDate(date)} ${hours.open ? `開館 ${hours.opensAt}〜${hours.closesAt}` : '休館'}`);
    }
  };

  return (
    <>
      <PageHeading>開館日・開館時間</PageHeading>
      {branch ? <WeeklyHoursPanel branch={branch} weekly={weekly} onSaved={setWeekly} /> : null}
      <section class="panel narrow" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">1日分の設定</h2>
        <p class="lead">選んだ日付の1日分だけを、曜日ごとの開館時間とは別に保存します(年末年始・特別整理期間・祝日など)。その曜日の開館時間を入れてあります。</p>
        <form class="form" onSubmit={submit} data-testid="calendar-form" noValidate>
          <BranchSelect id="calendar-branch" label="図書館" value={branch} onValue={setBranch} testId="calendar-branch" invalid={error?.field === 'branch'} />
          <div class="field checkbox-field">
            <input
              id="calendar-all"
              type="checkbox"
              checked={allBranches}
              onChange={(e) => setAllBranches(e.currentTarget.checked)}
              data-testid="calendar-all-branches"
            />
            <label for="calendar-all">全館に同じ設定を保存する</label>
          </div>
          <TextField
            id="calendar-date"
            name="date"
            label="日付"
            type="date"
            value={date}
            onValue={changeDate}
            error={error}
            required
            testId="calendar-date"
            hint={formatDate(date)}
          />
          <fieldset class="field">
            <legend>開館・休館</legend>
            <div class="radio-row">
              <label>
                <input type="radio" name="calendar-open" checked={hours.open} onChange={() => setHours({ ...hours, open: true })} data-testid="calendar-open" /> 開館
              </label>
              <label>
                <input type="radio" name="calendar-open" checked={!hours.open} onChange={() => setHours({ ...hours, open: false })} data-testid="calendar-closed" /> 休館
              </label>
            </div>
          </fieldset>
          <div class="field-row">
            <TextField
              id="calendar-opens"
              name="opensAt"
              label="開館時刻"
              type="time"
              value={hours.opensAt}
              onValue={(v) => setHours({ ...hours, opensAt: v })}
              error={error}
              disabled={!hours.open}
              testId="calendar-opens-at"
            />
            <TextField
              id="calendar-closes"
              name="closesAt"
              label="閉館時刻"
              type="time"
              value={hours.closesAt}
              onValue={(v) => setHours({ ...hours, closesAt: v })}
              error={error}
              disabled={!hours.open}
              testId="calendar-closes-at"
            />
          </div>
          <ErrorMessage error={error} testId="calendar-error" />
          <button type="submit" disabled={busy || !date} data-testid="calendar-submit">
            {busy ? '保存中…' : 'この日を保存'}
          </button>
        </form>
        {saved ? (
          <p class="result result-ok" role="status" data-testid="calendar-result">
            {saved}
          </p>
        ) : null}
      </section>
    </>
  );
};
