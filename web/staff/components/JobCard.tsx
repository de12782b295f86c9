import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { formatDateTime } from '../format';
import { useAction, useLoad } from '../hooks';
import type { JobName, JobRun } from '../types';
import { ErrorMessage } from './ErrorMessage';

export const JOBS: readonly { name: JobName; label: string; when: string }[] = [
  { name: 'hold-registration', label: '予約登録処理', when: '7:00 と、開館日は閉館まで10分ごと' },
  { name: 'pickup-notices', label: '予約連絡(メール)', when: '開館日の 8:00' },
  { name: 'hold-expiry', label: '取置期限切れ処理', when: '毎日 6:00' },
  { name: 'search-index', label: '検索索引の再構築', when: '毎日 3:00 と書誌取込の後' },
];

const statusLabels: Record<JobRun['status'], string> = { REQUESTED: '依頼済', RUNNING: '実行中', SUCCEEDED: '成功', FAILED: '失敗' };
const triggerLabels: Record<JobRun['trigger'], string> = { schedule: '定時', manual: '手動' };

const summaryLabels: Record<string, string> = {
  registered: '登録',
  cancelled: '取消',
  alreadyHandled: '処理済',
  mailed: 'メール送信',
  items: '資料',
  notByMail: 'メール以外',
  failed: '送信失敗',
  claimedElsewhere: '他の実行が処理',
  expired: '期限切れ',
  routedToNextHold: '次の予約へ',
  rebuilt: '再構築',
  titles: '書誌',
  bytes: 'バイト',
  chunks: '分割',
  sequence: '版',
  buildMs: '所要ms',
  skipped: '実行せず',
  error: 'エラー',
};

const skipLabels: Record<string, string> = { NOT_AN_OPENING_DAY: '開館日でない', OUTSIDE_HOURS: '時間外' };

const formatSummary = (summary: Record<string, unknown> | null): string => {
  if (!summary) return '';
  return Object.entries(summary)
    .map(([key, value]) => {
      const shown = typeof value === 'boolean' ? (value ? 'はい' : 'いいえ') : typeof value === 'string' ? (skipLabels[value] ?? value) : String(value);
      return `${summaryLabels[key] ?? key}: ${shown}`;
    })
    .join(' / ');
};

const MAX_ROWS = 10;
const POLL_MS = 1500;
const MAX_POLLS = 10;

/** One job: recent runs (GET /admin/jobs/{job}/runs) and 今すぐ実行 (POST /admin/jobs/{job}/run → 202). */
export const JobCard = ({ name, label, when }: (typeof JOBS)[number]) => {
  const runs = useLoad(name, () => api.jobRuns(name));
  const start = useAction();
  const [requested, setRequested] = useState<string | undefined>();
  const polls = useRef(0);

  const finished = (runId: string | undefined) => {
    const run = runs.data?.find((r) => r.runId === runId);
    return run?.status === 'SUCCEEDED' || run?.status === 'FAILED';
  };

  // After 今すぐ実行, refresh a few times until the run reports its end.
  useEffect(() => {
    if (!requested || finished(requested) || polls.current >= MAX_POLLS) return undefined;
    const timer = setTimeout(() => {
      polls.current += 1;
      void runs.reload();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [requested, runs.data]);

  const runNow = async () => {
    const answer = await start.run(() => api.runJob(name));
    if (answer) {
      polls.current = 0;
      setRequested(answer.runId);
    }
  };

  const list = (runs.data ?? []).slice(0, MAX_ROWS);
  const requestedRun = runs.data?.find((r) => r.runId === requested);

  return (
    <section class="panel panel-wide" aria-labelledby={`job-${name}-heading`} data-testid={`job-${name}`}>
      <div class="section-head">
        <div>
          <h2 id={`job-${name}-heading`}>{label}</h2>
          <p class="muted small-text">
            {name} / 定時: {when}
          </p>
        </div>
        <div class="actions">
          <button type="button" class="secondary small" onClick={() => void runs.reload()} disabled={runs.loading} data-testid={`job-${name}-reload`}>
            最新にする
          </button>
          <button type="button" onClick={() => void runNow()} disabled={start.busy} data-testid={`job-${name}-run`}>
            {start.busy ? '依頼中…' : '今すぐ実行'}
          </button>
        </div>
      </div>
      <ErrorMessage error={start.error ?? runs.error} testId={`job-${name}-error`} />
      {requested ? (
        <p class="notice" role="status" data-testid={`job-${name}-requested`} data-run-id={requested}>
          実行を依頼しました(実行ID {requested}){requestedRun ? `: ${statusLabels[requestedRun.status]}` : ''}
        </p>
      ) : null}
      {runs.data && list.length === 0 ? <p class="muted">実行履歴はありません。</p> : null}
      {list.length > 0 ? (
        <table class="table compact" data-testid={`job-${name}-runs`}>
          <thead>
            <tr>
              <th scope="col">予定・依頼</th>
              <th scope="col">種類</th>
              <th scope="col">開始</th>
              <th scope="col">終了</th>
              <th scope="col">状態</th>
              <th scope="col">結果</th>
            </tr>
          </thead>
          <tbody>
            {list.map((run) => (
              <tr key={run.runId} data-testid="job-run-row" data-run-id={run.runId} data-status={run.status}>
                <td class="nowrap">{formatDateTime(run.scheduledTime ?? run.requestedAt ?? run.startedAt)}</td>
                <td>{triggerLabels[run.trigger] ?? run.trigger}</td>
                <td class="nowrap">{formatDateTime(run.startedAt)}</td>
                <td class="nowrap">{formatDateTime(run.finishedAt)}</td>
                <td>
                  <span class={`tag tag-run-${run.status.toLowerCase()}`}>{statusLabels[run.status] ?? run.status}</span>
                </td>
                <td class="small-text">{formatSummary(run.summary)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
