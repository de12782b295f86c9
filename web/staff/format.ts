/** Japanese display of dates, times and codes. All dates are Asia/Tokyo (SPEC 2). */
import { serverNow } from '../shared/server-clock';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** 'YYYY-MM-DD' → '2026年12月2日(水)'. */
export const formatDate = (date: string | null | undefined): string => {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  return `${y}年${Number(m)}月${Number(d)}日(${WEEKDAYS[weekdayOf(date)]})`;
};

/** Day of week (0 = Sunday) of a 'YYYY-MM-DD' calendar date. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const timeFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** An ISO instant → '12/2 10:00:05' in JST. */
export const formatDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
};

/** An instant (now on the service's clock by default) as 'HH:MM:SS' in JST, for the scan log. */
export const clockTime = (date = serverNow()): string => timeFormat.format(date);

const shortTimeFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/** An instant as 'HH:MM' in JST. */
export const shortTime = (date: Date): string => shortTimeFormat.format(date);

/** Today's calendar date in Tokyo, by the service's clock (not this PC's). */
export const tokyoToday = (now = serverNow()): string => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

export const holdStatusLabels: Record<string, string> = {
  PROVISIONAL: '仮予約',
  WAITING: '予約中',
  IN_TRANSIT: '回送中',
  READY: '取置中',
  FULFILLED: '貸出済',
  CANCELLED: '取消',
  EXPIRED: '期限切れ',
};

export const copyStatusLabels: Record<string, string> = {
  ON_SHELF: '在架',
  ON_LOAN: '貸出中',
  IN_TRANSIT: '回送中',
  ON_HOLD_SHELF: '予約棚',
  MISSING: '不明',
};

export const categoryLabels: Record<string, string> = {
  NORMAL: '通常',
  REFERENCE_ONLY: '禁帯出',
  CONTEST: '課題図書',
  LATEST_ISSUE: '最新号',
};

export const materialTypeLabels: Record<string, string> = {
  BOOK: '図書',
  KAMISHIBAI: '紙芝居',
  MAGAZINE: '雑誌',
  AV: '視聴覚',
};

export const channelLabels: Record<string, string> = { ONLINE: 'ネット', COUNTER: '窓口' };

/** Why a title cannot be reserved online (the `reason` of a title). */
export const holdReasonLabels: Record<string, string> = {
  NOT_HOLDABLE: '予約不可(禁帯出のみ)',
  COUNTER_ONLY: 'カウンター予約のみ',
  LONG_OVERDUE: '長期延滞のため予約不可',
};
