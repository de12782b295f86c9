import * as z from 'zod/mini';
import { noContent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { text, trimmed } from '../../common/http/schemas.js';
import { createStaff, disableStaff, staffView } from '../../use-cases/staff-accounts.js';
import { staffRoles } from '../../wiring.js';

/** Path-safe, like every id of this service (functions/common/http/path-parameters.ts). */
const staffId = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'rule:staffId' }));

const StaffBody = z.object({
  staffId,
  name: text(100),
  role: z.enum(staffRoles, { error: 'rule:staffRole' }),
  // Not trimmed: spaces may be part of a passphrase.
  password: z.string().check(z.minLength(10, { error: 'rule:staffPassword' }), z.maxLength(128, { error: 'rule:staffPassword' })),
  branch: z.optional(trimmed(1, 40)),
});

/** POST /admin/staff (SPEC 11, ADMIN): 201 with the account; 409 ALREADY_EXISTS. */
export const postStaff: RouteHandler = async (request, deps) => ok(await createStaff(deps, parseInput(StaffBody, request.body)), 201);

/** GET /admin/staff (SPEC 11, ADMIN): every account, disabled ones flagged. */
export const listStaff: RouteHandler = async (_request, deps) => ok((await deps.store.staff.list()).map(staffView));

/** DELETE /admin/staff/{staffId} (SPEC 11, ADMIN): 204; the account's tokens end at once. */
export const deleteStaff: RouteHandler = async (request, deps) => {
  const params = parseInput(z.object({ staffId }), request.params, 'staffId');
  await disableStaff(deps, principalOf(request).subject, params.staffId);
  return noContent();
};
