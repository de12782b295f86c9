import { clockTime } from '../format';
import type { ScanLog } from '../scan-log';

const kindLabels = { checkin: '返却/スキャン', checkout: '貸出' } as const;
const statusLabels = { pending: '処理中', ok: 'OK', error: 'エラー' } as const;

/** The last scans at this counter, newest first. */
export const ScanLogTable = ({ log }: { log: ScanLog }) => (
  <section class="panel panel-wide" aria-labelledby="scan-log-heading">
    <div class="section-head">
      <h2 id="scan-log-heading">読取履歴(最新{log.entries.length}件)</h2>
      <button type="button" class="secondary small" onClick={log.clear} disabled={log.entries.length === 0} data-testid="scan-log-clear">
        履歴を消去
      </button>
    </div>
    {log.entries.length === 0 ? (
      <p class="muted">まだ読み取りはありません。</p>
    ) : (
      <table class="table" data-testid="scan-log">
        <thead>
          <tr>
            <th scope="col">時刻</th>
            <th scope="col">種別</th>
            <th scope="col">資料番号</th>
            <th scope="col">利用者番号</th>
            <th scope="col">結果</th>
          </tr>
        </thead>
        <tbody>
          {log.entries.map((entry) => (
            <tr key={entry.id} data-testid="scan-log-row" data-kind={entry.kind} data-status={entry.status} class={`log-${entry.status}`}>
              <td class="nowrap">{clockTime(entry.at)}</td>
              <td class="nowrap">{kindLabels[entry.kind]}</td>
              <td class="mono">{entry.itemId}</td>
              <td class="mono">{entry.cardNumber ?? ''}</td>
              <td>
                <span class={`tag tag-${entry.status}`}>{statusLabels[entry.status]}</span> {entry.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);
