import { useBranches } from '../context';
import { formatDate } from '../format';
import type { ShownError } from '../errors';
import type { CheckinResult } from '../types';
import { HoldSlip } from './HoldSlip';

const PASS_OVER_REASONS = { SUSPENDED: '一時停止中', WAITS_FOR: '順番予約の前の巻待ち' } as const;

export type CheckinOutcome = { itemId: string; seq: number } & ({ result: CheckinResult } | { error: ShownError });

/** The words staff act on after a check-in: where the copy goes, big. */
export const destinationText = (result: CheckinResult, branchName: (code: string) => string): string => {
  if (result.action === 'SHELVE') return '書架へ';
  if (result.action === 'HOLD_SHELF') return '予約棚へ';
  return `回送: ${branchName(result.toBranch)}へ`;
};

const checkinErrorText = (itemId: string, error: ShownError): string => (error.code === 'NOT_FOUND' ? `資料番号 ${itemId} は登録されていません。` : error.message);

export { checkinErrorText };

export const DestinationBanner = ({ outcome }: { outcome: CheckinOutcome | undefined }) => {
  const { branchName } = useBranches();
  if (!outcome) {
    return (
      <div class="banner banner-idle" data-testid="checkin-destination" data-action="NONE" role="status">
        <p class="banner-main">資料を読み取ってください</p>
        <p class="banner-sub">行き先(書架・予約棚・回送先)をここに大きく表示します。</p>
      </div>
    );
  }
  if ('error' in outcome) {
    return (
      <div class="banner banner-error" data-testid="checkin-destination" data-action="ERROR" data-code={outcome.error.code} role="alert">
        <p class="banner-main">エラー</p>
        <p class="banner-sub">{checkinErrorText(outcome.itemId, outcome.error)}</p>
        <p class="banner-item">資料番号 {outcome.itemId}</p>
      </div>
    );
  }
  const { result } = outcome;
  const kind = result.action === 'SHELVE' ? 'shelve' : result.action === 'HOLD_SHELF' ? 'hold' : 'transit';
  return (
    <div
      class={`banner banner-${kind}`}
      data-testid="checkin-destination"
      data-action={result.action}
      data-hold-id={'holdId' in result ? result.holdId : undefined}
      data-to-branch={result.action === 'TRANSIT' ? result.toBranch : undefined}
      role="status"
      key={outcome.seq}
    >
      <p class="banner-main" data-testid="checkin-destination-text">
        {destinationText(result, branchName)}
      </p>
      {result.action === 'HOLD_SHELF' ? (
        <p class="banner-sub" data-testid="checkin-deadline">
          取置期限(期限日): <strong>{formatDate(result.pickupDeadline)}</strong>
        </p>
      ) : null}
      {result.action === 'TRANSIT' ? <p class="banner-sub">{result.holdId ? '予約資料です。回送先の予約に引き当てました。' : '所蔵館へ戻す資料です。'}</p> : null}
      {result.cardNumber ? (
        <p class="banner-patron" data-testid="checkin-patron">
          予約者 <span class="mono">{result.cardNumber}</span> {result.patronName ? `${result.patronName} 様` : ''}
        </p>
      ) : null}
      {result.action === 'SHELVE' ? <p class="banner-sub">この館の書架に戻してください。</p> : null}
      {result.title ? (
        <p class="banner-sub" data-testid="checkin-title">
          {result.title}
        </p>
      ) : null}
      {result.passedOver && result.passedOver.length > 0 ? (
        <p class="banner-sub" data-testid="checkin-passed-over">
          先の予約を飛ばしました: {result.passedOver.map((p) => `予約番号 ${p.holdId}(${PASS_OVER_REASONS[p.reason]})`).join('、')}
        </p>
      ) : null}
      <p class="banner-item">
        資料番号 {outcome.itemId}
        {'holdId' in result && result.holdId ? ` / 予約番号 ${result.holdId}` : ''}
      </p>
      {result.cardNumber ? <HoldSlip itemId={outcome.itemId} result={result} /> : null}
    </div>
  );
};
