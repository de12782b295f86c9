import { useBranches } from '../context';
import { formatDate } from '../format';
import type { CheckinResult } from '../types';
import { PrintButton } from './PrintButton';

/**
 * The slip that goes with a copy for a hold (issue 10.5): on the hold shelf (取置票), or in
 * the transit box to the pickup branch (回送票). Printed alone: the counter's print style
 * hides everything but `.hold-slip` (app.css).
 */
export const HoldSlip = ({ itemId, result }: { itemId: string; result: CheckinResult }) => {
  const { branchName } = useBranches();
  const pickupBranch = result.pickupBranch ?? (result.action === 'TRANSIT' ? result.toBranch : undefined);
  const deadline = result.action === 'HOLD_SHELF' ? result.pickupDeadline : undefined;
  return (
    <>
      <div class="slip-actions no-print">
        <PrintButton testId="hold-slip-print" label={result.action === 'HOLD_SHELF' ? '取置票を印刷' : '回送票を印刷'} />
      </div>
      <div class="print-only hold-slip" data-testid="hold-slip">
        <h2>{result.action === 'HOLD_SHELF' ? '予約資料 取置票' : '予約資料 回送票'}</h2>
        <p class="slip-name">{result.patronName ? `${result.patronName} 様` : ''}</p>
        <dl class="facts">
          <dt>利用者番号</dt>
          <dd class="mono" data-testid="hold-slip-card">
            {result.cardNumber}
          </dd>
          <dt>タイトル</dt>
          <dd>{result.title ?? ''}</dd>
          <dt>受取館</dt>
          <dd>{pickupBranch ? branchName(pickupBranch) : '—'}</dd>
          <dt>取置期限</dt>
          <dd>{deadline ? formatDate(deadline) : '(受取館に届いた日に決まります)'}</dd>
          <dt>資料番号</dt>
          <dd class="mono">{itemId}</dd>
        </dl>
      </div>
    </>
  );
};
