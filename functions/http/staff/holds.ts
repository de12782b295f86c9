import { AppError, notFound } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { CounterHoldBody, type StaffHoldView } from '../../contract/views/staff-queue.js';
import { stateLabels } from '../../domain/holds.js';
import { tokyoIso } from '../../domain/tokyo-time.js';
import type { Hold } from '../../store/holds.js';
import { cancelByStaff } from '../../use-cases/cancel-hold.js';
import { placeHold } from '../../use-cases/place-hold.js';
import { readTitleForWait, waitEstimates } from '../../use-cases/wait-estimates.js';
import { tokyoDate } from '../../domain/tokyo-time.js';
import { pauseFieldsFor, type PauseFields } from '../../use-cases/fill-eligibility.js';
import { changeSuspension, checkSuspensionDate } from '../../use-cases/suspend-hold.js';

/** A hold as staff see it: with the card number, channel and any cancel reason. */
export const staffHoldView = (hold: Hold, position?: number, estimatedReadyDate?: string | null, pause?: PauseFields): StaffHoldView => ({
  holdId: hold.holdId,
  cardNumber: hold.cardNumber,
  titleId: hold.titleId,
  title: hold.title,
  status: hold.status,
  statusLabel: stateLabels[hold.status].ja,
  channel: hold.channel,
  pickupBranch: hold.pickupBranch,
  requestedAt: tokyoIso(new Date(hold.requestedAt)),
  ...(position === undefined ? {} : { position }),
  ...(estimatedReadyDate === undefined ? {} : { estimatedReadyDate }),
  ...(hold.itemId ? { itemId: hold.itemId } : {}),
  ...(hold.pickupDeadline ? { pickupDeadline: hold.pickupDeadline } : {}),
  ...(hold.cancelReason ? { cancelReason: hold.cancelReason } : {}),
  ...(hold.cancelNote ? { cancelNote: hold.cancelNote } : {}),
  ...(pause ?? {}),
});

/** A hold after a staff change, with its SPEC 10 fields. */
const staffViewNow = async (deps: Parameters<RouteHandler>[1], hold: Hold) =>
  staffHoldView(hold, undefined, undefined, (await pauseFieldsFor(deps, [hold], deps.clock.now())).get(hold.holdId));

/** POST /admin/holds: a counter hold, WAITING at once; contest and latest-issue titles allowed. */
export const postCounterHold: RouteHandler = async (request, deps) => {
  const body = parseInput(CounterHoldBody, request.body);
  if (!(await deps.store.patrons.get(body.cardNumber))) throw notFound();
  const hold = await placeHold(deps, { ...body, channel: 'COUNTER' });
  const { queue, copies } = await readTitleForWait(deps, hold.titleId);
  const wait = waitEstimates(deps, tokyoDate(deps.clock.now()), queue, copies, { include: [hold] });
  const pause = (await pauseFieldsFor(deps, [hold], deps.clock.now())).get(hold.holdId);
  return ok(staffHoldView(hold, wait.positions.get(hold.holdId) ?? 1, wait.dates.get(hold.holdId) ?? null, pause), 201);
};

/** DELETE /admin/holds/{holdId} with an optional `reason` (body or query) the patron sees. */
export const deleteHoldByStaff: RouteHandler = async (request, deps) => {
  const holdId = request.params.holdId;
  if (!holdId) throw notFound();
  const body = (request.body ?? {}) as { reason?: unknown };
  const reason = typeof body.reason === 'string' ? body.reason : request.query.reason;
  if (reason !== undefined && (reason.length > 200 || /[\u0000-\u001f\u007f]/.test(reason))) {
    throw new AppError(400, 'VALIDATION', { field: 'reason' });
  }
  return ok(await staffViewNow(deps, await cancelByStaff(deps, holdId, reason)));
};

/** GET /admin/titles/{titleId}/queue: active holds in queue order, WAITING ones numbered and with their estimate (SPEC 10.3). */
export const getQueue: RouteHandler = async (request, deps) => {
  const titleId = request.params.titleId ?? '';
  if (!(await deps.store.catalog.getTitle(titleId))) throw notFound();
  const { queue, copies } = await readTitleForWait(deps, titleId);
  const wait = waitEstimates(deps, tokyoDate(deps.clock.now()), queue, copies);
  const pause = await pauseFieldsFor(deps, queue, deps.clock.now());
  return ok(
    queue.map((hold) =>
      hold.status === 'WAITING'
        ? staffHoldView(hold, wait.positions.get(hold.holdId), wait.dates.get(hold.holdId) ?? null, pause.get(hold.holdId))
        : staffHoldView(hold, undefined, undefined, pause.get(hold.holdId)),
    ),
  );
};

/** PUT /admin/holds/{holdId}/suspension {until} (SPEC 10.1, staff for a patron). */
export const putSuspensionByStaff: RouteHandler = async (request, deps) => {
  const until = checkSuspensionDate(deps, (request.body as { until?: unknown } | undefined)?.until);
  const hold = await deps.store.holds.findById(request.params.holdId ?? '', deps.clock.now());
  return ok(await staffViewNow(deps, await changeSuspension(deps, hold, until)));
};

/** DELETE /admin/holds/{holdId}/suspension: resumes the hold (SPEC 10.1). */
export const deleteSuspensionByStaff: RouteHandler = async (request, deps) => {
  const hold = await deps.store.holds.findById(request.params.holdId ?? '', deps.clock.now());
  return ok(await staffViewNow(deps, await changeSuspension(deps, hold, undefined)));
};
