import * as z from 'zod/mini';
import { BasketEntry } from './basket.js';
import { HoldView } from './hold.js';
import { LoanView } from './loan.js';

/** SPEC 6 利用状況: loans, holds (active first), the basket and the hold limit. */
export const PatronStatus = z.object({
  loans: z.array(LoanView),
  holds: z.array(HoldView),
  basket: z.array(BasketEntry),
  holdLimit: z.number().check(z.describe('SPEC 5.2 rule 3.')),
  activeHolds: z.number().check(z.describe('Holds that count against the limit (PROVISIONAL, WAITING, IN_TRANSIT, READY).')),
});
export type PatronStatus = z.output<typeof PatronStatus>;
