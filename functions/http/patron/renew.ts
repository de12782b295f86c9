import { ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { RenewBody } from '../../contract/patron.js';
import { renewLoans } from '../../use-cases/renew-loans.js';

/** POST /api/me/loans/renew (SPEC 6): `{results:[{itemId, ok, dueDate?, error?}]}`. */
export const postRenew: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const { itemIds } = parseInput(RenewBody, request.body);
  return ok({ results: await renewLoans(deps, subject, itemIds, request.lang) });
};
