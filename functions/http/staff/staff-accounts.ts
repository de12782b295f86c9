import * as z from 'zod/mini';
import { noContent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { StaffBody, staffId } from '../../contract/views/staff-accounts.js';
import { createStaff, disableStaff, staffView } from '../../use-cases/staff-accounts.js';

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
