import { z } from 'zod';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { login } from '../../use-cases/login.js';

const StaffLoginBody = z.object({ staffId: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) });

/** POST /admin/login: staff tokens have their own audience and lifetime (a shift). */
export const staffLogin: RouteHandler = async (request, deps) => {
  const body = parseInput(StaffLoginBody, request.body);
  const { token, expiresAt } = await login(deps, { kind: 'staff', id: body.staffId }, body.password, 'INVALID_STAFF_CREDENTIALS');
  return ok({ token, expiresAt });
};
