import { notFound } from '../../common/errors.js';
import { assertSessionCurrent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { isActive } from '../../domain/holds.js';
import { tokyoIso } from '../../domain/tokyo-time.js';
import { holdViews } from '../../use-cases/hold-view.js';
import { loanViews } from '../../use-cases/loan-view.js';

/**
 * GET /api/me/status (SPEC 6 利用状況): loans, holds (active first), basket, limit — one
 * Query plus queue counts. The Query brings the credential too: the session is checked here.
 */
export const getStatus: RouteHandler = async (request, deps) => {
  const principal = principalOf(request);
  const now = deps.clock.now();
  const records = await deps.store.patronRecords.all(principal.subject, now);
  assertSessionCurrent(principal, records.credentialVersion);
  if (!records.patron) throw notFound();
  const holds = await holdViews(deps, records.holds, request.lang);
  const activeCount = records.holds.filter((h) => isActive(h.status)).length;
  return ok({
    loans: await loanViews(deps, records.loans, now),
    holds: [...holds.filter((h) => isActive(h.status)), ...holds.filter((h) => !isActive(h.status))],
    basket: records.basket
      .sort((a, b) => b.addedAt.localeCompare(a.addedAt))
      .map((e) => ({ titleId: e.titleId, title: e.title, addedAt: tokyoIso(new Date(e.addedAt)) })),
    holdLimit: deps.config.holds.holdLimit,
    activeHolds: activeCount,
  });
};
