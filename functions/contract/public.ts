import * as z from 'zod/mini';
import { cardNumber, password } from '../common/http/schemas.js';
import { contract, pending } from './route-contract.js';
import { instant } from './views/common.js';

export const LoginBody = z.object({ cardNumber, password });
export const LoginAnswer = z.object({
  token: z.string(),
  expiresAt: instant,
  /** SPEC 12: true until the patron replaces the password staff issued. */
  passwordIsInitial: z.boolean(),
});

/** The contracts of the public routes (SPEC 7: no token). */
export const publicContracts = {
  'POST /api/login': contract({
    summary: 'Patron login with card number and password',
    description: 'SPEC 3, 12. Failed attempts lock the account for a while (423 `LOCKED`, with `unlocksAt`).',
    body: LoginBody,
    responses: { 200: LoginAnswer },
    errors: { 401: ['INVALID_CREDENTIALS'], 423: ['LOCKED'] },
    errorDetails: { 423: z.object({ unlocksAt: instant }) },
  }),
  'GET /api/branches': pending,
  'GET /api/config': pending,
  'GET /api/catalog/search': pending,
  'GET /api/catalog/titles/{titleId}': pending,
  'GET /api/openapi.json': contract({
    summary: 'This document (OpenAPI 3.1)',
    responses: { 200: z.record(z.string(), z.unknown()) },
    errors: {},
  }),
};
