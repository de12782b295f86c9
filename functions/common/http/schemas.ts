import { z } from 'zod';
import { CARD_NUMBER_PATTERN, PASSWORD_PATTERN } from '../../domain/password-rules.js';
import { isCalendarDate, isClockTime } from '../../domain/tokyo-time.js';

/** Field schemas shared by several routes; messages `rule:x` name the rule a 400 explains. */
export const cardNumber = z.string().regex(CARD_NUMBER_PATTERN, { message: 'rule:cardNumber' });
export const password = z.string().regex(PASSWORD_PATTERN, { message: 'rule:password' });
export const calendarDate = z.string().refine(isCalendarDate, { message: 'rule:date' });
export const clockTime = z.string().refine(isClockTime, { message: 'rule:time' });
/** Free text a person typed: trimmed, no control characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value));
