import { noContent, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { PasswordBody } from '../../contract/patron.js';
import { changePassword } from '../../use-cases/change-password.js';

/** PUT /api/me/password (SPEC 3): 1–6 ASCII digits, otherwise 400 naming the rule. */
export const putPassword: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const body = parseInput(PasswordBody, request.body);
  await changePassword(deps, subject, body.currentPassword, body.newPassword);
  return noContent();
};
