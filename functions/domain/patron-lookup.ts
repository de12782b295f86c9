import { normalizeName } from './search/normalize.js';

/** SPEC 11: at most this many patrons answer one lookup. */
export const LOOKUP_LIMIT = 50;
/** Card prefixes shorter than this would span every card partition (docs/data-model.md). */
export const CARD_PREFIX_MIN = 4;
export const CARD_NUMBER_LENGTH = 8;

/**
 * A patron's name as lookups compare it: folded like catalog search before issue 10 (width, kana,
 * case, spaces and punctuation), so ヤマダ ハナコ, やまだはなこ and ﾔﾏﾀﾞ match alike.
 */
export const foldName = (name: string): string => normalizeName(name);

/** The first character (code point, not code unit) of a folded name: its index partition. */
export const nameShard = (foldedName: string): string => Array.from(foldedName)[0] ?? '';

export type LookupQuery =
  | { readonly kind: 'card'; readonly cardNumber: string }
  | { readonly kind: 'cardPrefix'; readonly prefix: string }
  | { readonly kind: 'name'; readonly folded: string }
  | { readonly kind: 'invalid'; readonly rule: 'empty' | 'cardPrefixTooShort' };

/**
 * What a staff member typed in the lookup box: digits (full-width too) are a card number,
 * whole or its first digits; anything else is the start of a name.
 */
export const parseLookupQuery = (q: string): LookupQuery => {
  const folded = foldName(q);
  if (folded === '') return { kind: 'invalid', rule: 'empty' };
  if (/^[0-9]+$/.test(folded)) {
    if (folded.length === CARD_NUMBER_LENGTH) return { kind: 'card', cardNumber: folded };
    if (folded.length < CARD_PREFIX_MIN || folded.length > CARD_NUMBER_LENGTH) return { kind: 'invalid', rule: 'cardPrefixTooShort' };
    return { kind: 'cardPrefix', prefix: folded };
  }
  return { kind: 'name', folded };
};
