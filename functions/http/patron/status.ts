import { notFound } from '../../common/errors.js';
import { assertSessionCurrent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { tokyoIso } from '../../domain/tokyo-time.js';
import { loansAndHolds } from '../../use-cases/status-view.js';
import type { PatronStatus } from '../../contract/views/status.js';

/**
 * GET /api/me/status (SPEC 6 利用状況): loans, holds (active first), basket, limit — one
 * Query plus each waiting hold's queue and copies (position, SPEC 10.3 estimate). The Query brings the credential too: the session is checked here.
 */
export const getStatus: RouteHandler = async (request, deps) => {
  const principal = principalOf(request);
  const now = deps.clock.now();
  const records = await deps.store.patronRecords.all(principal.subject, now);
  assertSessionCurrent(principal, records.credentialVersion);
  if (!records.patron) throw notFound();
  const { loans, holds, holdLimit, activeHolds } = await loansAndHolds(deps, records, now, request.lang);
  return ok({
    loans,
    holds,
    basket: records.basket
      .sort((a, b) => b.addedAt.localeCompare(a.addedAt))
      .map((e) => ({ titleId: e.titleId, title: e.title, addedAt: tokyoIso(new Date(e.addedAt)) })),
    holdLimit,
    activeHolds,
  } satisfies PatronStatus);
};
