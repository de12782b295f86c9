import { AppError, notFound } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { ClockBody, EventsQuery } from '../../contract/local.js';

/** PUT /admin/local/clock (SPEC 7, local stack only). */
export const setLocalClock: RouteHandler = async (request, deps) => {
  if (!deps.local) throw notFound();
  const { now } = parseInput(ClockBody, request.body);
  if (now !== null && Number.isNaN(Date.parse(now))) throw new AppError(400, 'VALIDATION', { field: 'now' });
  return ok(await deps.local.setClock(now));
};

/** GET /admin/local/events: the latest events on the local bus, newest first. */
export const listLocalEvents: RouteHandler = async (request, deps) => {
  if (!deps.local) throw notFound();
  const query = parseInput(EventsQuery, request.query, 'query');
  const limit = Math.min(Math.max(Number(query.limit ?? 100) || 100, 1), 1000);
  return ok(await deps.local.recentEvents(limit));
};
