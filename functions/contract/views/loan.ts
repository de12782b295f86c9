import * as z from 'zod/mini';
import { day } from './common.js';

/** SPEC 6: why a loan cannot be renewed, all that apply, in the SPEC's order. */
export const RenewalRefusal = z.enum(['HAS_HOLDS', 'INTERLIBRARY', 'ALREADY_RENEWED', 'OVERDUE']);
export type RenewalRefusal = z.output<typeof RenewalRefusal>;

/** A loan as the borrower sees it (SPEC 6 利用状況), earliest due first. */
export const LoanView = z.object({
  itemId: z.string(),
  titleId: z.string(),
  title: z.string(),
  dueDate: day,
  overdue: z.boolean(),
  renewed: z.boolean(),
  renewable: z.boolean(),
  reasons: z.array(RenewalRefusal),
  renewalDueDate: day.check(z.describe('The due date a renewal today would give (SPEC 6: the renewal day counts as day 1).')),
  renewalExtends: z.boolean().check(z.describe('False when a renewal today would not move the due date (it would spend the only renewal for nothing).')),
});
export type LoanView = z.output<typeof LoanView>;

/** One loan's renewal (SPEC 6): `dueDate` when renewed, `error` when not. */
export const RenewResult = z.object({
  itemId: z.string(),
  ok: z.boolean(),
  dueDate: z.optional(day),
  error: z.optional(
    z.object({
      code: z.enum(['NOT_FOUND', ...RenewalRefusal.options]),
      message: z.string(),
      reasons: z.array(z.enum(['NOT_FOUND', ...RenewalRefusal.options])).check(z.describe('Every reason it was refused (`code` is the first).')),
    }),
  ),
});
export type RenewResult = z.output<typeof RenewResult>;
