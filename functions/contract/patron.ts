import { pending } from './route-contract.js';

/** The contracts of the patron routes (SPEC 7). */
export const patronContracts = {
  'GET /api/me': pending,
  'PUT /api/me/contact': pending,
  'PUT /api/me/password': pending,
  'GET /api/me/status': pending,
  'POST /api/me/holds': pending,
  'DELETE /api/me/holds/{holdId}': pending,
  'POST /api/me/holds/sequence': pending,
  'PUT /api/me/holds/{holdId}/suspension': pending,
  'DELETE /api/me/holds/{holdId}/suspension': pending,
  'GET /api/me/basket': pending,
  'PUT /api/me/basket/{titleId}': pending,
  'DELETE /api/me/basket/{titleId}': pending,
  'POST /api/me/basket/reserve': pending,
  'POST /api/me/loans/renew': pending,
} as const;
