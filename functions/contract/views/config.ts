import * as z from 'zod/mini';
import { instant } from './common.js';

/** SPEC 11: the rules clients show, as the stack applies them, and the service's clock. */
export const LibraryConfig = z.object({
  libraryName: z.string(),
  holdLimit: z.number(),
  /** A loan is due this many days after checkout (the checkout day counts as day 1). */
  loanDays: z.number(),
  pickupDays: z.number(),
  renewals: z.number(),
  /** The service's clock when it answered, so clients show the service's date and time. */
  serverTime: instant,
  /** The From of every notice (patrons are asked to let it through spam filters). */
  mailFrom: z.string(),
});
export type LibraryConfig = z.output<typeof LibraryConfig>;
