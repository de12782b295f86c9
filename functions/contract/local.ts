import { pending } from './route-contract.js';

/** The contracts of the local routes (SPEC 7). */
export const localContracts = {
  'PUT /admin/local/clock': pending,
  'GET /admin/local/events': pending,
  'POST /admin/local/mail-feedback': pending,
} as const;
