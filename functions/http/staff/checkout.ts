import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { CheckoutBody, type CheckoutResult } from '../../contract/views/staff-checkin.js';
import { checkout } from '../../use-cases/checkout.js';

/** POST /admin/checkout (SPEC 6, 7): the loan with its due date. */
export const postCheckout: RouteHandler = async (request, deps) => {
  const body = parseInput(CheckoutBody, request.body);
  const loan: CheckoutResult = await checkout(deps, body.cardNumber, body.itemId, body.branch);
  return ok(loan);
};
