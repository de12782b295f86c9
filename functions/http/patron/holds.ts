import { notFound } from '../../common/errors.js';
import { assertSessionCurrent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { HoldBody, SequenceBody, SuspensionBody } from '../../contract/patron.js';
import { cancelByPatron } from '../../use-cases/cancel-hold.js';
import { holdViews } from '../../use-cases/hold-view.js';
import { placeHold } from '../../use-cases/place-hold.js';
import { changeSuspension, checkSuspensionDate } from '../../use-cases/suspend-hold.js';
import { placeSequence, SequenceRefused } from '../../use-cases/place-sequence.js';
import { renderAppError } from '../../common/http/render-error.js';
import type { Deps } from '../../common/deps.js';
import type { Principal } from '../../common/tokens.js';

/**
 * These routes check the session (SPEC 12) from the patron Query placing reads anyway; a
 * body refused before that Query is answered only once the session is known current, so
 * an ended session answers 401 whatever it sends.
 */
const parseInSession = async <T>(deps: Deps, principal: Principal, parse: () => T): Promise<T> => {
  try {
    return parse();
  } catch (error) {
    assertSessionCurrent(principal, await deps.store.credentials.version(principal.subject));
    throw error;
  }
};

/** POST /api/me/holds (SPEC 5.2): 201 with the PROVISIONAL hold. */
export const postHold: RouteHandler = async (request, deps) => {
  const principal = principalOf(request);
  const body = await parseInSession(deps, principal, () => parseInput(HoldBody, request.body));
  const checkSession = (version: number | undefined) => assertSessionCurrent(principal, version);
  const hold = await placeHold(deps, { cardNumber: principal.subject, ...body, channel: 'ONLINE' }, { checkSession });
  const [view] = await holdViews(deps, [hold], request.lang);
  return ok(view, 201);
};

/** DELETE /api/me/holds/{holdId} (SPEC 5.5). */
export const deleteHold: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const holdId = request.params.holdId;
  if (!holdId) throw notFound();
  const hold = await cancelByPatron(deps, subject, holdId);
  const [view] = await holdViews(deps, [hold], request.lang);
  return ok(view);
};

/** PUT /api/me/holds/{holdId}/suspension {until} (SPEC 10.1): the hold, suspended. */
export const putSuspension: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const until = checkSuspensionDate(deps, parseInput(SuspensionBody, request.body).until);
  const hold = await deps.store.holds.get(subject, request.params.holdId ?? '', deps.clock.now());
  const [view] = await holdViews(deps, [await changeSuspension(deps, hold, until)], request.lang);
  return ok(view);
};

/** DELETE /api/me/holds/{holdId}/suspension (SPEC 10.1): the hold, resumed. */
export const deleteSuspension: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const hold = await deps.store.holds.get(subject, request.params.holdId ?? '', deps.clock.now());
  const [view] = await holdViews(deps, [await changeSuspension(deps, hold, undefined)], request.lang);
  return ok(view);
};

/**
 * POST /api/me/holds/sequence (SPEC 10.2): 201 {sequenceId, holds} in reading order, or the
 * status and code of the first refused title with every title's result (`results`, also
 * inside `error`), and no hold placed.
 */
export const postSequence: RouteHandler = async (request, deps) => {
  const principal = principalOf(request);
  const body = await parseInSession(deps, principal, () => parseInput(SequenceBody, request.body));
  const checkSession = (version: number | undefined) => assertSessionCurrent(principal, version);
  try {
    const holds = await placeSequence(deps, principal.subject, body.titleIds, body.pickupBranch, request.lang, checkSession);
    const views = await holdViews(deps, holds, request.lang);
    views.sort((a, b) => (a.sequenceIndex ?? 0) - (b.sequenceIndex ?? 0));
    return ok({ sequenceId: holds[0]?.sequenceId, holds: views }, 201);
  } catch (error) {
    if (!(error instanceof SequenceRefused)) throw error;
    const { error: first } = renderAppError(error.first, request.lang);
    return ok({ error: { ...first, results: error.results }, results: error.results }, error.first.status);
  }
};
