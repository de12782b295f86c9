import { notFound } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { tokyoDate } from '../../domain/tokyo-time.js';
import { availabilityByBranch, onlineHoldability } from '../../use-cases/title-availability.js';

/** GET /api/catalog/titles/{titleId}: the title, its copies, holdability and queue length. */
export const getTitle: RouteHandler = async (request, deps) => {
  const titleId = request.params.titleId ?? '';
  const title = await deps.store.catalog.getTitle(titleId);
  if (!title) throw notFound();
  const [copies, queue] = await Promise.all([deps.store.catalog.copiesOf(titleId), deps.store.holds.queue(titleId)]);
  const { sequence: _sequence, branches: _branches, ...record } = title;
  return ok({
    ...record,
    copies: copies.map((c) => ({ itemId: c.itemId, branch: c.branch, location: c.location, category: c.category, status: c.status, interlibrary: c.interlibrary, callNumber: c.callNumber ?? null })),
    availability: availabilityByBranch(copies),
    ...onlineHoldability(copies, tokyoDate(deps.clock.now()), deps.config.holds),
    waiting: queue.filter((h) => h.status === 'PROVISIONAL' || h.status === 'WAITING').length,
  });
};
