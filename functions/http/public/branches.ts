import { ok, type RouteHandler } from '../../common/http/types.js';

/** GET /api/branches: `[{code, name}]`, names in Japanese (English as `nameEn`). */
export const listBranches: RouteHandler = async (_request, deps) => ok(await deps.store.branches.list());
