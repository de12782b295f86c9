import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { ItemBody, TitleBody, type CreatedItemView } from '../../contract/views/staff-catalog.js';

/** POST /admin/titles (SPEC 4, 7): 201 `{titleId}`; a taken titleId is 409. */
export const postTitle: RouteHandler = async (request, deps) => {
  const body = parseInput(TitleBody, request.body);
  const titleId = body.titleId ?? `T${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  if (!(await deps.store.catalog.createTitle({ ...body, titleId }))) throw new AppError(409, 'ALREADY_EXISTS', { field: 'titleId' });
  return ok({ titleId }, 201);
};

/** POST /admin/items (SPEC 4, 7): 201 with the copy, ON_SHELF at its home branch. */
export const postItem: RouteHandler = async (request, deps) => {
  const body = parseInput(ItemBody, request.body);
  if (!(await deps.store.branches.get(body.branch))) throw new AppError(422, 'INVALID_BRANCH', { field: 'branch' });
  const item = { ...body, interlibrary: body.interlibrary ?? false, location: body.branch, status: 'ON_SHELF' as const } satisfies CreatedItemView;
  const outcome = await deps.store.catalog.createItem(item, deps.clock.now());
  if (outcome === 'exists') throw new AppError(409, 'ALREADY_EXISTS', { field: 'itemId' });
  if (outcome === 'no-title') throw new AppError(404, 'NOT_FOUND', { field: 'titleId' });
  return ok(item, 201);
};
