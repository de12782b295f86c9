import * as z from 'zod/mini';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { cardNumber, trimmed } from '../../common/http/schemas.js';
import { checkout } from '../../use-cases/checkout.js';

const CheckoutBody = z.object({ cardNumber, itemId: trimmed(1, 40), branch: z.optional(trimmed(1, 40)) });

/** POST /admin/checkout (SPEC 6, 7): the loan with its due date. */
export const postCheckout: RouteHandler = async (request, deps) => {
  const body = parseInput(CheckoutBody, request.body);
  return ok(await checkout(deps, body.cardNumber, body.itemId, body.branch));
};
