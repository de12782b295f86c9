import * as z from 'zod/mini';
import { CARD_NUMBER_PATTERN, PASSWORD_PATTERN } from '../../domain/password-rules.js';
import { isCalendarDate, isClockTime } from '../../domain/tokyo-time.js';

/**
 * Field schemas shared by several routes. zod/mini (13 KB bundled, against 450 KB for the
 * classic API) keeps the Lambda bundles small. An error `rule:x` names the rule a 400 explains.
 */
export const cardNumber = z.string().check(z.regex(CARD_NUMBER_PATTERN, { error: 'rule:cardNumber' }));
export const password = z.string().check(z.regex(PASSWORD_PATTERN, { error: 'rule:password' }));
export const calendarDate = z.string().check(z.refine(isCalendarDate, { error: 'rule:date' }));
export const clockTime = z.string().check(z.refine(isClockTime, { error: 'rule:time' }));

/** A string of `min`–`max` characters after trimming. */
export const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** Free text a person typed: trimmed, no control characters. */
export const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((value) => !/[\u0000-\u001f\u007f]/.test(value)),
  );
