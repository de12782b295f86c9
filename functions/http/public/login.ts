import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { LoginBody } from '../../contract/public.js';
import { login } from '../../use-cases/login.js';

/** POST /api/login (SPEC 3, 7). */
export const patronLogin: RouteHandler = async (request, deps) => {
  const body = parseInput(LoginBody, request.body);
  return ok(await login(deps, { kind: 'patron', id: body.cardNumber }, body.password, 'INVALID_CREDENTIALS'));
};
