import type { AppError } from '../errors.js';
import { errorMessages, fill, ruleMessages, type Lang } from '../messages.js';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; [extra: string]: unknown };
}

const FIELD_NAMES: Record<string, { ja: string; en: string }> = {
  cardNumber: { ja: '利用者番号', en: 'card number' },
  password: { ja: 'パスワード', en: 'password' },
  email: { ja: 'メールアドレス', en: 'email address' },
  phone: { ja: '電話番号', en: 'phone number' },
  currentPassword: { ja: '現在のパスワード', en: 'current password' },
  newPassword: { ja: '新しいパスワード', en: 'new password' },
};

const fieldLabel = (field: string | undefined, lang: Lang) => (field ? (FIELD_NAMES[field]?.[lang] ?? field) : '');

/** The body of a 4xx: code, message in the client's language, and the field at fault. */
export const renderAppError = (error: AppError, lang: Lang): ErrorBody => {
  const { field, rule, params = {}, extra = {} } = error.details;
  const template = rule ? ruleMessages[rule][lang] : (errorMessages[error.code as keyof typeof errorMessages]?.[lang] ?? errorMessages.VALIDATION[lang]);
  const message = fill(template, { field: fieldLabel(field, lang), ...params });
  return { error: { ...extra, code: error.code, message, ...(field ? { field } : {}) } };
};

/** 5xx bodies are generic: internal detail never reaches the client. */
export const internalErrorBody = (lang: Lang): ErrorBody => ({
  error: { code: 'INTERNAL', message: errorMessages.INTERNAL[lang] },
});
