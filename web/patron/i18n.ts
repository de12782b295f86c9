/**
 * The patron app's words, Japanese first (the library's language) and English. `{name}`
 * placeholders are filled by `translate`. The API sends its own messages in the language
 * of Accept-Language; these are the app's labels around them.
 */
import type { Lang } from '../shared/api';
import type { LibraryConfig } from '../shared/config';
import { ja, type MessageKey } from './messages/ja';

export type { MessageKey };
type Dict = Record<MessageKey, string>;

/** Japanese is in the first chunk; English is fetched when a patron asks for it (loadLang). */
const dictionaries: Partial<Record<Lang, Dict>> = { ja };

/** Resolves once `lang`'s words are loaded; main.tsx awaits it before the first frame. */
export const loadLang = async (lang: Lang): Promise<void> => {
  if (lang === 'en' && !dictionaries.en) dictionaries.en = (await import('./messages/en')).en;
};

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

type Values = Record<string, string | number>;

/**
 * The library's rules as message values (`{holdLimit}`, `{dueDay}`, …), from GET /api/config:
 * a message never states a number of its own.
 */
export const ruleValues = (config: LibraryConfig): Values => ({
  libraryName: config.libraryName,
  holdLimit: config.holdLimit,
  pickupDays: config.pickupDays,
  renewals: config.renewals,
  // The guide counts the checkout (or renewal) day itself: due on day loanDays + 1.
  dueDay: config.loanDays + 1,
});

export const translator =
  (lang: Lang, rules: Values = {}): Translate =>
  (key, values) =>
    (dictionaries[lang] ?? ja)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : name in rules ? String(rules[name]) : whole,
    );

/** Codes the API sends that have a label here (e.g. `hold.reason.` + code); undefined otherwise. */
export const labelFor = (t: Translate, prefix: string, code: string): string | undefined => {
  const key = `${prefix}${code}`;
  return key in ja ? t(key as MessageKey) : undefined;
};

const LANG_KEY = 'patron-lang';

export const initialLang = (): Lang => {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'ja' || saved === 'en') return saved;
  } catch {
    /* storage blocked: Japanese */
  }
  return 'ja';
};

export const saveLang = (lang: Lang): void => {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* storage blocked: the choice lasts this visit */
  }
};
