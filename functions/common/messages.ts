/** Messages patrons and staff read, per error code, in Japanese (default) and English. */
export type Lang = 'ja' | 'en';

export const errorMessages = {
  VALIDATION: { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' },
  MALFORMED_JSON: { ja: 'リクエストの JSON が正しくありません。', en: 'The request body is not valid JSON.' },
  PAYLOAD_TOO_LARGE: { ja: 'リクエストが大きすぎます。', en: 'The request body is too large.' },
  NOT_FOUND: { ja: '見つかりません。', en: 'Not found.' },
  UNAUTHORIZED: { ja: 'ログインしてください。', en: 'Please log in.' },
  FORBIDDEN: { ja: 'この操作は許可されていません。', en: 'You are not allowed to do this.' },
  INVALID_CREDENTIALS: {
    ja: '利用者番号またはパスワードが正しくありません。',
    en: 'The card number or password is not correct.',
  },
  INVALID_STAFF_CREDENTIALS: { ja: '職員IDまたはパスワードが正しくありません。', en: 'The staff ID or password is not correct.' },
  LOCKED: {
    ja: 'ログインの失敗が続いたため、{until} まで利用できません。',
    en: 'Too many failed logins. The account is locked until {until}.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    ja: 'パスワードが初期値（誕生月日）のままです。新しいパスワードに変更すると、予約などがご利用いただけます。',
    en: 'Your password is still the initial one (your birth month and day). Change it to use reservations and the other services.',
  },
  INTERNET_SERVICE_NOT_ISSUED: {
    ja: 'インターネットサービスのパスワードが発行されていません。図書館カウンターでお申し込みください。',
    en: 'No internet password has been issued. Please ask at a library counter.',
  },
  ALREADY_EXISTS: { ja: '既に登録されています。', en: 'It is already registered.' },
  CANNOT_DISABLE_SELF: {
    ja: '自分の職員アカウントは無効にできません。別の管理者に依頼してください。',
    en: 'You cannot disable your own staff account. Ask another administrator.',
  },
  INVALID_BRANCH: { ja: '指定された図書館は存在しません。', en: 'The branch does not exist.' },
  CONFLICT: { ja: '同時に別の更新がありました。もう一度お試しください。', en: 'Another change happened at the same time. Please try again.' },
  SERVICE_UNAVAILABLE: {
    ja: 'ただいま混み合っています。少し時間をおいてもう一度お試しください。',
    en: 'The service is busy. Please try again in a moment.',
  },
  NOT_HOLDABLE: { ja: 'この資料は予約できません(館内閲覧のみ)。', en: 'This title cannot be reserved (in-library use only).' },
  COUNTER_ONLY: {
    ja: 'この資料は図書館の受付カウンターでのみ予約できます。',
    en: 'This title can only be reserved at a library counter.',
  },
  ALREADY_ON_LOAN: { ja: 'この資料はあなたが借りているため予約できません。', en: 'You already have this title on loan.' },
  ALREADY_HELD: { ja: 'この資料は既に予約しています。', en: 'You have already reserved this title.' },
  LONG_OVERDUE: {
    ja: '複本がなく長期に延滞されているため、この資料は予約できません。',
    en: 'This title has a single copy that is long overdue, so it cannot be reserved.',
  },
  HOLD_LIMIT: { ja: '予約できる点数は15点までです。', en: 'You can have at most 15 holds.' },
  NOT_CANCELLABLE: {
    ja: 'この予約はインターネットでは取り消せません。受取館({branch})に電話でご連絡ください。',
    en: 'This hold cannot be cancelled online. Please call the pickup branch ({branch}).',
  },
  NOT_SUSPENDABLE: {
    ja: '一時停止・再開できるのは、仮予約中と予約中の予約だけです。',
    en: 'Only provisional and waiting holds can be suspended or resumed.',
  },
  NOT_LENDABLE: { ja: 'この資料は館内閲覧のみで、貸出できません。', en: 'This copy is for in-library use only.' },
  NOT_ON_SHELF: { ja: 'この資料は書架にないため貸出できません。', en: 'This copy is not on the shelf.' },
  ON_HOLD_FOR_ANOTHER: { ja: 'この資料は他の方の予約資料です。', en: 'This copy is reserved for another patron.' },
  HAS_HOLDS: { ja: '予約がある資料は延長できません。', en: 'Loans of titles with holds cannot be renewed.' },
  INTERLIBRARY: { ja: '相互貸借資料は延長できません。', en: 'Interlibrary loans cannot be renewed.' },
  ALREADY_RENEWED: { ja: '貸出延長は1回までです。', en: 'A loan can be renewed once.' },
  OVERDUE: { ja: '延滞している資料は延長できません。', en: 'Overdue loans cannot be renewed.' },
  BASKET_FULL: { ja: '予約かごがいっぱいです。', en: 'Your reservation basket is full.' },
  INTERNAL: { ja: 'システムエラーが発生しました。しばらくしてからお試しください。', en: 'Something went wrong. Please try again later.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof errorMessages;

/** Messages that explain a validation rule, keyed by rule. */
export const ruleMessages = {
  required: { ja: '{field} を入力してください。', en: '{field} is required.' },
  cardNumber: { ja: '利用者番号は8桁の半角数字です。', en: 'The card number is 8 digits.' },
  password: {
    ja: 'パスワードは半角数字1桁から6桁で入力してください。',
    en: 'The password must be 1 to 6 digits (0-9).',
  },
  phone: { ja: '電話番号は数字とハイフンで入力してください（例：029-224-5000）。', en: 'A phone number is digits and hyphens (e.g. 029-224-5000).' },
  currentPassword: { ja: '現在のパスワードが正しくありません。', en: 'The current password is not correct.' },
  passwordIsBirthday: {
    ja: '誕生月日（初期パスワード）は新しいパスワードにできません。別の数字にしてください。',
    en: 'Your birth month and day (the initial password) cannot be the new password. Please choose other digits.',
  },
  email: { ja: 'メールアドレスの形式が正しくありません。', en: 'The email address is not valid.' },
  emailRequired: {
    ja: '連絡方法がメールの場合はメールアドレスを入力してください。',
    en: 'An email address is required for contact by email.',
  },
  date: { ja: '日付は YYYY-MM-DD の形式で入力してください。', en: 'Dates are written YYYY-MM-DD.' },
  time: { ja: '時刻は HH:MM の形式で入力してください。', en: 'Times are written HH:MM.' },
  suspensionDate: {
    ja: '再開日は明日から180日後までの日付を指定してください。',
    en: 'The resume date must be from tomorrow up to 180 days ahead.',
  },
  sequenceTitles: {
    ja: '順番予約は2点から10点までの異なる資料を指定してください。',
    en: 'A reading-order hold names 2 to 10 different titles.',
  },
  invalid: { ja: '{field} の値が正しくありません。', en: '{field} is not valid.' },
  staffPassword: {
    ja: '職員のパスワードは10文字以上128文字以内で入力してください。',
    en: 'A staff password is 10 to 128 characters.',
  },
  staffId: {
    ja: '職員IDは半角英数字と「. _ -」で64文字以内です。',
    en: 'A staff ID is up to 64 letters, digits, ".", "_" or "-".',
  },
  staffRole: { ja: '権限は ADMIN か COUNTER です。', en: 'The role is ADMIN or COUNTER.' },
  lookupQuery: {
    ja: '利用者番号（4桁以上）または氏名を入力してください。',
    en: 'Type a card number (at least 4 digits) or the start of a name.',
  },
  resultDepth: {
    ja: '検索結果は1,000件目まで表示できます。キーワードを増やして絞り込んでください。',
    en: 'Search results can be paged up to the 1,000th. Add words to narrow the search.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type RuleName = keyof typeof ruleMessages;

export const warningMessages = {
  EMAIL_MAY_NOT_ARRIVE: {
    ja: '「@」の直前に「.」があるアドレスや「.」が連続するアドレスには、メールが届かないことがあります。',
    en: 'Mail may not arrive at an address with a dot right before "@" or two dots in a row.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
