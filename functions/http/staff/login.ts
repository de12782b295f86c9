import * as z from 'zod/mini';
import { trimmed } from '../../common/http/schemas.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { login } from '../../use-cases/login.js';

const StaffLoginBody = z.object({ staffId: trimmed(1, 64), password: z.string().check(z.minLength(1), z.maxLength(128)) });

/** POST /admin/login: staff tokens have their own audience and lifetime (a shift). */
export const staffLogin: RouteHandler = async (request, deps) => {
  const body = parseInput(StaffLoginBody, request.body);
  const { token, expiresAt } = await login(deps, { kind: 'staff', id: body.staffId }, body.password, 'INVALID_STAFF_CREDENTIALS');
  return ok({ token, expiresAt });
};
