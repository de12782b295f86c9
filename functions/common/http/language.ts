import type { Lang } from '../messages.js';

/** Japanese unless the client's first language preference is English (SPEC 7). */
export const languageOf = (acceptLanguage: string | undefined): Lang => {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
};
