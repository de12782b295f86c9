/**
 * The patron app's words, Japanese first (the library's language) and English. `{name}`
 * placeholders are filled by `translate`. The API sends its own messages in the language
 * of Accept-Language; these are the app's labels around them.
 */
import type { Lang } from '../shared/api';
import { en } from './messages/en';
import { ja, type MessageKey } from './messages/ja';

export type { MessageKey };
type Dict = Record<MessageKey, string>;

const dictionaries: Record<Lang, Dict> = { ja, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const translator =
  (lang: Lang): Translate =>
  (key, values) =>
    dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));

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
