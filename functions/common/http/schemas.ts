import * as z from 'zod/mini';
import { CARD_NUMBER_PATTERN, PASSWORD_PATTERN } from '../../domain/password-rules.js';
import { isCalendarDate, isClockTime } from '../../domain/tokyo-time.js';

/**
 * Field schemas shared by several routes. zod/mini (13 KB bundled, against 450 KB for the
 * classic API) keeps the Lambda bundles small. An error `rule:x` names the rule a 400 explains.
 */
/**
 * Width-folded (NFKC): ０-９, Ａ-Ｚ, ＠, － typed with a Japanese IME mean the same as their
 * ASCII forms, so every client's input is accepted as the patron meant it (issue 10.6).
 * Never applied to passwords: they are compared as typed, and the rule says 半角.
 */
export const widthFolded = () => z.overwrite((value: string) => value.normalize('NFKC'));

/** 8 digits; 「１０００ ０００１」 and 「1000-0001」 are the same card. */
export const cardNumber = z.string().check(
  widthFolded(),
  z.overwrite((value) => value.replace(/[\s-]/g, '')),
  z.regex(CARD_NUMBER_PATTERN, { error: 'rule:cardNumber' }),
);
export const password = z.string().check(z.regex(PASSWORD_PATTERN, { error: 'rule:password' }));
export const calendarDate = z.string().check(z.refine(isCalendarDate, { error: 'rule:date' }));
export const clockTime = z.string().check(z.refine(isClockTime, { error: 'rule:time' }));

/** A string of `min`–`max` characters after trimming. */
export const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/**
 * Characters a name, a title or a note never needs: C0 controls and DEL, zero-width spaces
 * and joiners, bidirectional overrides and isolates, the byte-order mark. They hide or
 * reorder text on a slip or a screen (a name that reads one way and sorts another).
 */
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Free text a person typed: trimmed, no control, zero-width or direction-override characters. */
export const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((value) => !INVISIBLE_OR_CONTROL.test(value)),
  );
