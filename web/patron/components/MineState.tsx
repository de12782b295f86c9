import { useApp } from '../context';
import { formatDate, formatDateTime, unbreakable } from '../format';
import type { MyTitle } from '../mine';

/**
 * 「予約済み（予約中 2番目）」 or 「貸出中（返却期限日 …）」: what the signed-in patron already
 * has of a title, in place of 予約依頼 (issue 10.4). Links to 利用状況, where it can be changed.
 */
export const MineState = ({ mine }: { readonly mine: MyTitle }) => {
  const { t, lang } = useApp();
  const detail =
    mine.kind === 'loan'
      ? t('mine.due', { date: formatDate(mine.dueDate, lang) })
      : [
          mine.statusLabel,
          mine.status === 'WAITING' && mine.position ? unbreakable(t('mine.position', { n: mine.position })) : undefined,
          mine.status === 'PROVISIONAL' && mine.registersAt ? t('mine.registersAt', { time: formatDateTime(mine.registersAt, lang) }) : undefined,
        ]
          .filter(Boolean)
          .join(' ');
  return (
    <p class="mine" data-testid="mine-state" data-kind={mine.kind} data-status={mine.kind === 'hold' ? mine.status : 'ON_LOAN'}>
      <strong class={`state state-mine-${mine.kind}`}>{mine.kind === 'loan' ? t('mine.onLoan') : t('mine.held')}</strong>
      <span class="mine-detail">（{detail}）</span>{' '}
      <a href="#/status" class="mine-link link-whole">
        {t('mine.seeStatus')}
      </a>
    </p>
  );
};
