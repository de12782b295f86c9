import { notFound } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { tokyoDate } from '../../domain/tokyo-time.js';
import { availabilityByBranch, onlineHoldability } from '../../use-cases/title-availability.js';
import { waitEstimates } from '../../use-cases/wait-estimates.js';
import type { TitleDetail } from '../../contract/views/title.js';

/**
 * GET /api/catalog/titles/{titleId}: the title, its copies, holdability, queue length and
 * (SPEC 10.3) `estimatedReadyDate` for a hold placed now: null when the title cannot be
 * reserved online or no copy can fill a hold.
 */
export const getTitle: RouteHandler = async (request, deps) => {
  const titleId = request.params.titleId ?? '';
  const title = await deps.store.catalog.getTitle(titleId);
  if (!title) throw notFound();
  const [copies, queue] = await Promise.all([deps.store.catalog.copiesOf(titleId), deps.store.holds.queue(titleId)]);
  const { sequence: _sequence, branches: _branches, ...record } = title;
  const today = tokyoDate(deps.clock.now());
  const holdability = onlineHoldability(copies, today, deps.config.holds);
  return ok({
    ...record,
    copies: copies.map((c) => ({
      itemId: c.itemId,
      branch: c.branch,
      location: c.location,
      category: c.category,
      status: c.status,
      interlibrary: c.interlibrary,
      callNumber: c.callNumber ?? null,
    })),
    availability: availabilityByBranch(copies),
    ...holdability,
    waiting: queue.filter((h) => h.status === 'PROVISIONAL' || h.status === 'WAITING').length,
    estimatedReadyDate: holdability.holdable ? (waitEstimates(deps, today, queue, copies, { withNewHold: true }).newHold ?? null) : null,
  } satisfies TitleDetail);
};
