const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * What every mail of the library shares: the salutation with the masked card number, the
 * library's greeting, and the inquiry footer, in text and in HTML. The body between them is
 * each mail's own. All values arrive one-line already (`oneLine`).
 */
export interface MailFrame {
  readonly subject: string;
  readonly patron: string;
  /** Masked card number. */
  readonly card: string;
  readonly library: string;
  readonly inquiry: string;
}

export const frameText = (frame: MailFrame, intro: readonly string[], body: readonly string[]): string =>
  [
    `${frame.patron} 様`,
    `(利用者番号 ${frame.card})`,
    '',
    `${frame.library}です。`,
    ...intro,
    '',
    ...body,
    '',
    'お問い合わせ先',
    `  ${frame.inquiry}`,
    '',
    frame.library,
    '',
  ].join('\n');

/** `bodyHtml` is markup already escaped by the caller. */
export const frameHtml = (frame: MailFrame, intro: readonly string[], bodyHtml: readonly string[]): string => {
  const e = escapeHtml;
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head><meta charset="UTF-8">',
    `<title>${e(frame.subject)}</title></head>`,
    '<body>',
    `<p>${e(frame.patron)} 様<br>(利用者番号 ${e(frame.card)})</p>`,
    `<p>${e(frame.library)}です。<br>${intro.map(e).join('<br>')}</p>`,
    ...bodyHtml,
    `<p>お問い合わせ先: <a href="mailto:${e(frame.inquiry)}">${e(frame.inquiry)}</a></p>`,
    `<p>${e(frame.library)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
