import { tokyoDate, tokyoTime } from '../domain/tokyo-time.js';
import { escapeHtml, frameHtml, frameText } from './mail-frame.js';
import { formatJapaneseDate, maskCardNumber, oneLine, type ComposedMail } from './pickup-notice.js';

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
  const intro = ['インターネットサービスで、パスワードの誤りが続いたため、', 'ログインを一時停止しました。'];
  const notes = [
    'ご本人の操作であれば、解除の時刻のあとにもう一度お試しください。',
    'パスワードを忘れた場合は、図書館カウンターで初期化できます(利用カードをお持ちください)。',
    'お心当たりがない場合は、ほかの人がログインを試みた可能性があります。図書館へご連絡ください。',
  ];
  const once = 'このお知らせは1日に1回までお送りします。';

  const frame = { subject, patron, card, library, inquiry };
  const text = frameText(frame, intro, [`■解除の時刻：${until}`, '', ...notes.map((note) => `・${note}`), `・${once}`]);
  const e = escapeHtml;
  // The intro is one sentence wrapped for the text part: one line in HTML.
  const html = frameHtml(
    frame,
    [intro.join('')],
    [`<p><strong>解除の時刻：${e(until)}</strong></p>`, '<ul>', ...[...notes, once].map((note) => `<li>${e(note)}</li>`), '</ul>'],
  );

  return { subject, text, html };
};
