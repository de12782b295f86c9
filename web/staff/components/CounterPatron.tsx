import { useBranches } from '../context';
import { errorText, type ShownError } from '../errors';
import { formatDate } from '../format';
import { DueDateCell } from './DueDateCell';
import type { PatronView } from '../types';

/**
 * Who is at the counter (issue 10.5): read with GET /admin/patrons/{card} as soon as the card
 * is read, before any item — the name, what needs saying (unknown card, overdue items, holds
 * waiting), the copies to fetch from this branch's hold shelf and the loans.
 */
export const CounterPatron = ({ cardNumber, view, error, loading }: { cardNumber: string; view?: PatronView; error?: ShownError; loading: boolean }) => {
  const { counterBranch, branchName } = useBranches();
  if (!cardNumber) return null;
  if (error) {
    const unknown = error.code === 'NOT_FOUND';
    return (
      <div class="result result-error counter-patron" data-testid="counter-patron" data-status={unknown ? 'unknown' : 'error'} role="alert">
        <p class="result-main">{unknown ? '登録のないカードです' : 'エラー'}</p>
        <p class="result-line">{unknown ? `利用者番号 ${cardNumber} は登録されていません。カードを確認してください。` : errorText(error)}</p>
      </div>
    );
  }
  if (!view) {
    return (
      <div class="counter-patron" data-testid="counter-patron" data-status="loading" role="status">
        <p class="muted">{loading ? '利用者を確認しています…' : ''}</p>
      </div>
    );
  }
  const overdue = view.loans.filter((l) => l.overdue);
  const ready = view.holds.filter((h) => h.status === 'READY');
  const readyHere = ready.filter((h) => h.pickupBranch === counterBranch);
  const readyElsewhere = ready.filter((h) => h.pickupBranch !== counterBranch);
  const problems = [
    ...(overdue.length > 0 ? [`返却期限を過ぎた資料が ${overdue.length} 点あります。`] : []),
    ...(view.profile.emailStatus === 'BOUNCING' ? ['登録のメールアドレスに届きません。確認してください。'] : []),
  ];
  return (
    <section class="counter-patron" data-testid="counter-patron" data-status="ok" data-card={view.profile.cardNumber} aria-label="利用者">
      <p class="counter-patron-name" role="status">
        <strong data-testid="counter-patron-name">{view.profile.name}</strong> 様 <span class="mono">{view.profile.cardNumber}</span>
      </p>
      {problems.length > 0 ? (
        <ul class="counter-problems" data-testid="counter-patron-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <h3>予約棚の資料(この館)</h3>
      {readyHere.length === 0 ? (
        <p class="muted" data-testid="counter-ready-none">
          この館でお渡しする予約資料はありません。
        </p>
      ) : (
        <table class="table" data-testid="counter-ready">
          <thead>
            <tr>
              <th scope="col">タイトル</th>
              <th scope="col">資料番号</th>
              <th scope="col">取置期限</th>
            </tr>
          </thead>
          <tbody>
            {readyHere.map((h) => (
              <tr key={h.holdId} data-testid="counter-ready-hold" data-hold-id={h.holdId}>
                <td>{h.title}</td>
                <td class="mono">{h.itemId ?? '—'}</td>
                <td class="nowrap">{formatDate(h.pickupDeadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {readyElsewhere.length > 0 ? (
        <p class="hint" data-testid="counter-ready-elsewhere">
          ほかの館の予約棚: {readyElsewhere.map((h) => `${h.title}(${branchName(h.pickupBranch)})`).join('、')}
        </p>
      ) : null}
      <h3>貸出中 {view.loans.length} 点</h3>
      {view.loans.length === 0 ? null : (
        <table class="table" data-testid="counter-loans">
          <thead>
            <tr>
              <th scope="col">タイトル</th>
              <th scope="col">資料番号</th>
              <th scope="col">返却期限</th>
            </tr>
          </thead>
          <tbody>
            {view.loans.map((l) => (
              <tr key={l.itemId} data-testid="counter-loan" data-item-id={l.itemId} data-overdue={l.overdue ? 'true' : 'false'} class={l.overdue ? 'overdue' : undefined}>
                <td>{l.title}</td>
                <td class="mono">{l.itemId}</td>
                <DueDateCell dueDate={l.dueDate} overdue={l.overdue} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
