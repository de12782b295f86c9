import * as z from 'zod/mini';
import { noContent, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { password } from '../../common/http/schemas.js';
import { changePassword } from '../../use-cases/change-password.js';

const PasswordBody = z.object({ currentPassword: z.string().check(z.minLength(1), z.maxLength(64)), newPassword: password });

/** PUT /api/me/password (SPEC 3): 1–6 ASCII digits, otherwise 400 naming the rule. */
export const putPassword: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const body = parseInput(PasswordBody, request.body);
  await changePassword(deps, subject, body.currentPassword, body.newPassword);
  return noContent();
};
