import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { StaffLoginBody, type StaffLoginResult } from '../../contract/views/staff-accounts.js';
import { login } from '../../use-cases/login.js';

/** POST /admin/login: staff tokens have their own audience and lifetime (a shift). */
export const staffLogin: RouteHandler = async (request, deps) => {
  const body = parseInput(StaffLoginBody, request.body);
  const { token, expiresAt } = await login(deps, { kind: 'staff', id: body.staffId }, body.password, 'INVALID_STAFF_CREDENTIALS');
  return ok({ token, expiresAt } satisfies StaffLoginResult);
};
