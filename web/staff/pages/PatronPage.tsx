import { useState } from 'preact/hooks';
import { api } from '../api';
import { DueDateCell } from '../components/DueDateCell';
import { ErrorMessage } from '../components/ErrorMessage';
import { HoldSuspendCell } from '../components/HoldSuspendCell';
import { PageHeading } from '../components/PageHeading';
import { useBranches } from '../context';
import { formatDate } from '../format';
import { useAction, useLoad } from '../hooks';
import { href } from '../router';
import type { PatronHold, PatronLoan, RenewResult } from '../types';

const contactLabels: Record<string, string> = { EMAIL: 'メール', PHONE: '電話', NONE: '連絡不要' };
const refusalLabels: Record<string, string> = {
  HAS_HOLDS: '予約あり',
  INTERLIBRARY: '相互貸借',
  ALREADY_RENEWED: '延長済み',
  OVERDUE: '延滞中',
};
/** What the patron reads as the cancel reason of a hold cancelled on the phone. */
const PHONE_CANCEL_REASON = '利用者からの申し出により取消';

/**
 * SPEC 6 / issue 10.1: what a renewal today would do, before staff renew on the phone —
 * "返却期限日 X → Y" — and no renewal offered when it would not move the date or is refused.
 */
const RenewalCell = ({ loan, busy, renewed, onRenew }: { loan: PatronLoan; busy: boolean; renewed: boolean; onRenew: () => void }) => {
  if (renewed) return null;
  if (!loan.renewable) {
    return (
      <span class="muted" data-testid="patron-loan-not-renewable">
        延長できません: {loan.reasons.map((r) => refusalLabels[r] ?? r).join('・') || '—'}
      </span>
    );
  }
  if (!loan.renewalExtends) {
    return (
      <span class="muted" data-testid="patron-loan-not-renewable">
        今日延長しても返却期限日は変わりません。
      </span>
    );
  }
  return (
    <>
      <p class="renewal-preview" data-testid="patron-loan-renewal-preview">
        返却期限日 {formatDate(loan.dueDate)} → {formatDate(loan.renewalDueDate)}
      </p>
      <button type="button" disabled={busy} onClick={onRenew} data-testid="patron-loan-renew">
        延長する
      </button>
    </>
  );
};

const LoansTable = ({ cardNumber, loans, onRenewed }: { cardNumber: string; loans: PatronLoan[]; onRenewed: () => void }) => {
  const [results, setResults] = useState<Record<string, RenewResult>>({});
  const { busy, error, run } = useAction();

  const renew = async (itemId: string) => {
    const answer = await run(() => api.renewForPatron(cardNumber, [itemId]));
    const result = answer?.results[0];
    if (!result) return;
    setResults({ ...results, [itemId]: result });
    if (result.ok) onRenewed();
  };

  if (loans.length === 0)
    return (
      <p class="empty" data-testid="patron-loans-empty">
        貸出中の資料はありません。
      </p>
    );
  return (
    <>
      <ErrorMessage error={error} testId="renew-error" />
      <table class="table" data-testid="patron-loans">
        <thead>
          <tr>
            <th scope="col">タイトル</th>
            <th scope="col">資料番号</th>
            <th scope="col">返却期限</th>
            <th scope="col">延長</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((loan) => {
            const result = results[loan.itemId];
            return (
              <tr key={loan.itemId} data-testid="patron-loan" data-item-id={loan.itemId}>
                <td>{loan.title}</td>
                <td class="mono">{loan.itemId}</td>
                <DueDateCell dueDate={loan.dueDate} overdue={loan.overdue} />
                <td>
                  <RenewalCell loan={loan} busy={busy} onRenew={() => void renew(loan.itemId)} renewed={result?.ok === true} />
                  {result ? (
                    <p class={result.ok ? 'result-line' : 'error-text'} role="status" data-testid="patron-loan-renew-result">
                      {result.ok ? `延長しました。新しい返却期限: ${formatDate(result.dueDate)}` : result.error?.message}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
};

const HoldsTable = ({ holds, onCancelled }: { holds: PatronHold[]; onCancelled: () => void }) => {
  const { branchName } = useBranches();
  const { busy, error, run } = useAction();

  const cancel = async (hold: PatronHold) => {
    if (!window.confirm(`「${hold.title}」の予約を取り消します。`)) return;
    if (await run(() => api.cancelHold(hold.holdId, PHONE_CANCEL_REASON))) onCancelled();
  };

  if (holds.length === 0)
    return (
      <p class="empty" data-testid="patron-holds-empty">
        予約はありません。
      </p>
    );
  return (
    <>
      <ErrorMessage error={error} testId="patron-hold-cancel-error" />
      <table class="table" data-testid="patron-holds">
        <thead>
          <tr>
            <th scope="col">タイトル</th>
            <th scope="col">状態</th>
            <th scope="col">受取館</th>
            <th scope="col">取置期限</th>
            <th scope="col">
              <span class="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {holds.map((hold) => (
            <tr key={hold.holdId} data-testid="patron-hold" data-hold-id={hold.holdId}>
              <td>
                <a href={href('holds', hold.titleId)}>{hold.title}</a>
              </td>
              <td>
                {hold.statusLabel}
                {hold.position ? `(${hold.position}番目)` : ''}
                {hold.status === 'WAITING' && hold.estimatedReadyDate ? (
                  <span class="sub" data-testid="patron-hold-estimate">
                    目安 {formatDate(hold.estimatedReadyDate)}ごろ
                  </span>
                ) : null}
                {hold.suspendedUntil ? (
                  <span class="sub" data-testid="patron-hold-suspended">
                    一時停止中(〜{formatDate(hold.suspendedUntil)})
                  </span>
                ) : null}
                {hold.waitsFor ? <span class="sub">順番予約: 前の巻「{hold.waitsForTitle ?? hold.waitsFor}」待ち</span> : null}
              </td>
              <td>{branchName(hold.pickupBranch)}</td>
              <td class="nowrap">{hold.pickupDeadline ? formatDate(hold.pickupDeadline) : '—'}</td>
              <td>
                <HoldSuspendCell hold={hold} onChanged={onCancelled} />
                {hold.cancellable ? (
                  <button type="button" class="danger" disabled={busy} onClick={() => void cancel(hold)} data-testid="patron-hold-cancel">
                    取り消す
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};

/** 利用者の状況 ('#/patron/{card}'): profile, loans with renewal, holds with cancel — for the counter and the phone (SPEC 11). */
export const PatronPage = ({ cardNumber }: { cardNumber: string }) => {
  const patron = useLoad(cardNumber, () => api.patron(cardNumber));
  const reload = () => void patron.reload();
  const profile = patron.data?.profile;

  return (
    <>
      <PageHeading>利用者の状況</PageHeading>
      <p>
        <a href={href('patrons')}>← 利用者の検索へ</a>
      </p>
      {patron.error ? (
        <ErrorMessage
          error={patron.error.code === 'NOT_FOUND' ? { ...patron.error, message: `利用者番号 ${cardNumber} は登録されていません。` } : patron.error}
          testId="patron-error"
        />
      ) : null}
      {patron.loading && !patron.data ? <p class="muted">読み込み中…</p> : null}
      {profile && patron.data ? (
        <>
          <section class="panel" aria-labelledby="profile-heading" data-testid="patron-profile">
            <h2 id="profile-heading">
              {profile.name} <span class="mono">{profile.cardNumber}</span>
            </h2>
            <dl class="facts">
              <dt>生年月日</dt>
              <dd>{formatDate(profile.birthDate)}</dd>
              <dt>電話番号</dt>
              <dd class="mono">{profile.phone ?? '(未登録)'}</dd>
              <dt>メール</dt>
              <dd>
                {profile.email ?? '(未登録)'}
                {profile.emailStatus === 'BOUNCING' ? (
                  <>
                    {' '}
                    <span class="tag tag-error" data-testid="patron-email-bouncing" title="このアドレスへのメールが届きません(予約連絡は連絡リストで電話に)">
                      メール不達
                    </span>
                  </>
                ) : null}
              </dd>
              <dt>連絡方法</dt>
              <dd>{contactLabels[profile.contactMethod] ?? profile.contactMethod}</dd>
              <dt>インターネット</dt>
              <dd>{profile.internetService ? '利用可' : 'パスワード未発行'}</dd>
              <dt>予約</dt>
              <dd>
                {patron.data.activeHolds} / {patron.data.holdLimit} 点
              </dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="loans-heading">
            <h2 id="loans-heading">貸出中</h2>
            <LoansTable cardNumber={profile.cardNumber} loans={patron.data.loans} onRenewed={reload} />
          </section>
          <section class="panel" aria-labelledby="holds-heading">
            <h2 id="holds-heading">予約</h2>
            <HoldsTable holds={patron.data.holds} onCancelled={reload} />
          </section>
        </>
      ) : null}
    </>
  );
};
