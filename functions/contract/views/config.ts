import * as z from 'zod/mini';
import { instant } from './common.js';

/** SPEC 11: the rules clients show, as the stack applies them, and the service's clock. */
export const LibraryConfig = z.object({
  libraryName: z.string(),
  holdLimit: z.number(),
  loanDays: z.number().check(z.describe('A loan is due this many days after checkout (the checkout day counts as day 1).')),
  pickupDays: z.number(),
  renewals: z.number(),
  serverTime: instant.check(z.describe("The service's clock when it answered, so clients show the service's date and time.")),
  mailFrom: z.string().check(z.describe('The From of every notice (patrons are asked to let it through spam filters).')),
});
export type LibraryConfig = z.output<typeof LibraryConfig>;
