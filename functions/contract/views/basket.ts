import * as z from 'zod/mini';
import { HoldStatus } from './hold.js';
import { instant } from './common.js';

/** A title in the reservation basket (SPEC 5.8), newest first. */
export const BasketEntry = z.object({ titleId: z.string(), title: z.string(), addedAt: instant });
export type BasketEntry = z.output<typeof BasketEntry>;

/** A per-title refusal inside a 200 or in a refused sequence: the code and message a 4xx would carry. */
export const ResultError = z.object({ code: z.string(), message: z.string() });
export type ResultError = z.output<typeof ResultError>;

/** One title of POST /api/me/basket/reserve: placed (SPEC 5.2) and gone from the basket, or refused and kept. */
export const BasketReserveResult = z.object({
  titleId: z.string(),
  ok: z.boolean(),
  holdId: z.optional(z.string()),
  status: z.optional(HoldStatus),
  registersAt: z.optional(instant).check(z.describe('When the registration run (SPEC 5.3) will register the provisional hold.')),
  error: z.optional(ResultError),
});
export type BasketReserveResult = z.output<typeof BasketReserveResult>;
