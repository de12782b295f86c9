import { dayOfWeek, isCalendarDate } from '../domain/tokyo-time.js';
import { guideDayLine, type PickupBranchGuide } from './branch-guide.js';
import { escapeHtml, frameHtml, frameText } from './mail-frame.js';

export interface PickupNoticeItem {
  readonly title: string;
  readonly pickupBranchName: string;
  /** 期限日, `YYYY-MM-DD` (JST). */
  readonly pickupDeadline: string;
}

export interface PickupNoticeInput {
  readonly patronName: string;
  /** Printed masked: a forwarded mail must not give the card number away. */
  readonly cardNumber: string;
  /** In the order the patron should read them; the composer does not reorder. */
  readonly items: readonly PickupNoticeItem[];
  /** e.g. 水戸市立図書館 */
  readonly libraryName: string;
  readonly inquiryAddress: string;
  /** The 利用状況 page, if the deployment has a public address for it. */
  readonly statusUrl?: string;
  /** Each pickup branch named above, once: its phone number and its days until the deadline. */
  readonly branches?: readonly PickupBranchGuide[];
}

export interface ComposedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** `2026-12-08` → `2026年12月8日(火)`, as Japanese notices write a date. */
export const formatJapaneseDate = (date: string): string => {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日(${WEEKDAYS[dayOfWeek(date)]})`;
};

/** All but the last four digits hidden: `12345678` → `****5678`. */
export const maskCardNumber = (cardNumber: string): string => {
  const visible = cardNumber.length > 4 ? cardNumber.slice(-4) : '';
  return '*'.repeat(cardNumber.length - visible.length) + visible;
};

export { escapeHtml };

// A title or name with a line break or control character would break the layout of the
// text part (or smuggle lines into it); one line of plain words is all a value may be.
export const oneLine = (value: string): string => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();

const httpUrl = (value: string): string => {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`statusUrl must be http(s): ${value}`);
  return url.href;
};

/**
 * SPEC 5.6 予約連絡: one mail listing every item now waiting for the patron, in Japanese,
 * in the library guide's own words. Text lines stay under about 35 full-width characters
 * (titles and addresses excepted), the width Japanese mail readers expect.
 */
export const composePickupNotice = (input: PickupNoticeInput): ComposedMail => {
  if (input.items.length === 0) throw new RangeError('a pickup notice lists at least one item');

  const library = oneLine(input.libraryName);
  const patron = oneLine(input.patronName);
  const card = maskCardNumber(oneLine(input.cardNumber));
  const inquiry = oneLine(input.inquiryAddress);
  const statusUrl = input.statusUrl === undefined ? undefined : httpUrl(oneLine(input.statusUrl));
  const items = input.items.map((item) => ({
    title: oneLine(item.title),
    branch: oneLine(item.pickupBranchName),
    deadline: formatJapaneseDate(item.pickupDeadline),
  }));

  const branches = (input.branches ?? []).map((b) => ({
    name: oneLine(b.name),
    phone: b.phone === undefined ? undefined : oneLine(b.phone),
    days: b.days.map(guideDayLine),
  }));

  const subject = `【${library}】予約資料のご用意ができました`;
  const intro = 'ご予約の資料が用意できましたので、お知らせします。';
  const comeBy = '期限日までに、受取館のカウンターへおこしください。';
  const notes = ['受け取りの際は、図書館利用カードをお持ちください。', '期限日をすぎた場合は、予約を解除します。'];
  const statusNote = '予約状況は「利用状況」でご確認いただけます。';
  const branchHeading = '受取館の電話番号と開館時間';

  const frame = { subject, patron, card, library, inquiry };
  const text = frameText(
    frame,
    [intro, comeBy],
    [
      ...items.flatMap((item, i) => [`■${i + 1}. ${item.title}`, `  受取館：${item.branch}`, `  期限日：${item.deadline}`, '']),
      ...(branches.length === 0 ? [] : [`【${branchHeading}】`]),
      ...branches.flatMap((b) => [`■${b.name}`, ...(b.phone ? [`  電話：${b.phone}`] : []), ...b.days.map((line) => `  ${line}`), '']),
      ...notes.map((note) => `・${note}`),
      ...(statusUrl === undefined ? [] : [`・${statusNote}`, `  ${statusUrl}`]),
    ],
  );

  const e = escapeHtml;
  const html = frameHtml(
    frame,
    [intro, comeBy],
    [
      '<table border="1" cellpadding="6" style="border-collapse:collapse">',
      '<thead><tr><th>資料名</th><th>受取館</th><th>期限日</th></tr></thead>',
      '<tbody>',
      ...items.map((item) => `<tr><td>${e(item.title)}</td><td>${e(item.branch)}</td><td>${e(item.deadline)}</td></tr>`),
      '</tbody>',
      '</table>',
      ...(branches.length === 0 ? [] : [`<p>${e(branchHeading)}</p>`]),
      ...branches.flatMap((b) => [
        `<p><strong>${e(b.name)}</strong>${b.phone ? `<br>電話：<a href="tel:${e(b.phone.replace(/[^0-9+]/g, ''))}">${e(b.phone)}</a>` : ''}</p>`,
        '<ul>',
        ...b.days.map((line) => `<li>${e(line)}</li>`),
        '</ul>',
      ]),
      '<ul>',
      ...notes.map((note) => `<li>${e(note)}</li>`),
      ...(statusUrl === undefined ? [] : [`<li>${e(statusNote)}<br><a href="${e(statusUrl)}">${e(statusUrl)}</a></li>`]),
      '</ul>',
    ],
  );

  return { subject, text, html };
};
