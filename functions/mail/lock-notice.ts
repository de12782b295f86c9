import { tokyoDate, tokyoTime } from '../domain/tokyo-time.js';
import { escapeHtml, formatJapaneseDate, maskCardNumber, oneLine, type ComposedMail } from './pickup-notice.js';

export interface LockNoticeInput {
  readonly patronName: string;
  /** Printed masked, as in every mail. */
  readonly cardNumber: string;
  /** When logins are possible again. */
  readonly lockedUntil: Date;
  readonly libraryName: string;
  readonly inquiryAddress: string;
}

/**
 * SPEC 12: the mail to an `EMAIL` patron whose account a run of failed logins locked, in
 * Japanese. It says until when, what to do if it was them, and what if it was not.
 */
export const composeLockNotice = (input: LockNoticeInput): ComposedMail => {
  const library = oneLine(input.libraryName);
  const patron = oneLine(input.patronName);
  const card = maskCardNumber(oneLine(input.cardNumber));
  const inquiry = oneLine(input.inquiryAddress);
  const until = `${formatJapaneseDate(tokyoDate(input.lockedUntil))} ${tokyoTime(input.lockedUntil)}`;

  const subject = `【${library}】ログインを一時停止しました`;
  const intro = [
    'インターネットサービスで、パスワードの誤りが続いたため、',
    'ログインを一時停止しました。',
  ];
  const notes = [
    'ご本人の操作であれば、解除の時刻のあとにもう一度お試しください。',
    'パスワードを忘れた場合は、図書館カウンターで初期化できます(利用カードをお持ちください)。',
    'お心当たりがない場合は、ほかの人がログインを試みた可能性があります。図書館へご連絡ください。',
  ];
  const once = 'このお知らせは1日に1回までお送りします。';

  const text = [
    `${patron} 様`,
    `(利用者番号 ${card})`,
    '',
    `${library}です。`,
    ...intro,
    '',
    `■解除の時刻：${until}`,
    '',
    ...notes.map((note) => `・${note}`),
    `・${once}`,
    '',
    'お問い合わせ先',
    `  ${inquiry}`,
    '',
    library,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head><meta charset="UTF-8">',
    `<title>${e(subject)}</title></head>`,
    '<body>',
    `<p>${e(patron)} 様<br>(利用者番号 ${e(card)})</p>`,
    `<p>${e(library)}です。<br>${intro.map(e).join('')}</p>`,
    `<p><strong>解除の時刻：${e(until)}</strong></p>`,
    '<ul>',
    ...[...notes, once].map((note) => `<li>${e(note)}</li>`),
    '</ul>',
    `<p>お問い合わせ先: <a href="mailto:${e(inquiry)}">${e(inquiry)}</a></p>`,
    `<p>${e(library)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return { subject, text, html };
};
