import * as z from 'zod/mini';
import { notFound } from '../../common/errors.js';
import { ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { trimmed } from '../../common/http/schemas.js';
import { cancelByPatron } from '../../use-cases/cancel-hold.js';
import { holdViews } from '../../use-cases/hold-view.js';
import { placeHold } from '../../use-cases/place-hold.js';

const HoldBody = z.object({ titleId: trimmed(1, 64), pickupBranch: trimmed(1, 40) });

/** POST /api/me/holds (SPEC 5.2): 201 with the PROVISIONAL hold. */
export const postHold: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const body = parseInput(HoldBody, request.body);
  const hold = await placeHold(deps, { cardNumber: subject, ...body, channel: 'ONLINE' });
  const [view] = await holdViews(deps, [hold], request.lang);
  return ok(view, 201);
};

/** DELETE /api/me/holds/{holdId} (SPEC 5.5). */
export const deleteHold: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const holdId = request.params.holdId;
  if (!holdId) throw notFound();
  const hold = await cancelByPatron(deps, subject, holdId);
  const [view] = await holdViews(deps, [hold], request.lang);
  return ok(view);
};
