import * as z from 'zod/mini';
import { ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { trimmed } from '../../common/http/schemas.js';
import { renewLoans } from '../../use-cases/renew-loans.js';

const RenewBody = z.object({ itemIds: z.array(trimmed(1, 40)).check(z.minLength(1), z.maxLength(50)) });

/** POST /api/me/loans/renew (SPEC 6): `{results:[{itemId, ok, dueDate?, error?}]}`. */
export const postRenew: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const { itemIds } = parseInput(RenewBody, request.body);
  return ok({ results: await renewLoans(deps, subject, itemIds, request.lang) });
};
