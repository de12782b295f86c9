/**
 * Dates as the API sends them — `YYYY-MM-DD` or ISO times with the +09:00 offset (JST) —
 * shown without the browser's time zone getting in the way: the text is read, not converted.
 */
import type { Lang } from '../shared/api';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Japanese may break between any two characters; U+2060 (word joiner) between them keeps a
 * short phrase such as a date or 「1番目」 on one line (「12月1」 / 「日(火)」 otherwise).
 */
export const unbreakable = (text: string): string => [...text].join('\u2060');

export const formatDate = (iso: string, lang: Lang): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return lang === 'ja' ? unbreakable(`${year}年${month}月${day}日(${WEEKDAYS_JA[weekday]})`) : `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month - 1]} ${year}`;
};

/** Month and day only, for an approximate date (「12月16日」, "16 Dec"). */
export const formatMonthDay = (iso: string, lang: Lang): string => {
  const match = /^\d{4}-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return lang === 'ja' ? unbreakable(`${month}月${day}日`) : `${day} ${MONTHS_EN[month - 1]}`;
};

export const formatTime = (iso: string): string => /T(\d{2}:\d{2})/.exec(iso)?.[1] ?? '';

export const formatDateTime = (iso: string, lang: Lang): string => {
  const time = formatTime(iso);
  return time ? `${formatDate(iso, lang)} ${time}` : formatDate(iso, lang);
};

/** Full-width digits (typed with a Japanese IME) to ASCII. */
export const asciiDigits = (value: string): string => value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A card number as typed, with spaces and hyphens dropped (「1000 0001」, 「1000-0001」). */
export const cardDigits = (value: string): string => asciiDigits(value).replace(/[\s\-－ー]/g, '');

/** `YYYY-MM-DD` plus `days` (calendar arithmetic on the date as written, no time zone). */
export const addDays = (date: string, days: number): string => {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};
