import type * as z from 'zod/mini';
import { AppError } from '../../common/errors.js';
import { assertSessionCurrent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { CheckinBody, ContactListQuery, PullListQuery, type CheckinResult } from '../../contract/views/staff-checkin.js';
import { tokyoDate } from '../../domain/tokyo-time.js';
import { checkin } from '../../use-cases/checkin.js';
import { contactList, pullList } from '../../use-cases/pull-list.js';

/**
 * POST /admin/checkin (SPEC 5.4): where the copy goes — SHELVE, HOLD_SHELF or TRANSIT — and for
 * whom (SPEC 11). The route checks the staff session itself, from the credential read with the
 * copy (wiring.ts `sessionCheckedByHandler`); an ended session answers 401 before bad input's 400.
 */
export const postCheckin: RouteHandler = async (request, deps) => {
  const principal = principalOf(request);
  const assertSession = (version: number | undefined) => assertSessionCurrent(principal, version);
  let body: z.infer<typeof CheckinBody>;
  try {
    body = parseInput(CheckinBody, request.body);
  } catch (error) {
    assertSession(await deps.store.credentials.staffVersion(principal.subject));
    throw error;
  }
  const slip: CheckinResult = await checkin(deps, { staffId: principal.subject, assertSession }, body.itemId, body.branch);
  return ok(slip);
};

const knownBranch = async (deps: Parameters<RouteHandler>[1], branch: string) => {
  if (!(await deps.store.branches.get(branch))) throw new AppError(422, 'INVALID_BRANCH', { field: 'branch' });
};

/** GET /admin/pull-list?branch=&date= (SPEC 5.4): today unless a date is given, in shelf order. */
export const getPullList: RouteHandler = async (request, deps) => {
  const query = parseInput(PullListQuery, request.query, 'query');
  await knownBranch(deps, query.branch);
  return ok(await pullList(deps, query.branch, query.date ?? tokyoDate(deps.clock.now())));
};

/** GET /admin/contact-list?branch= (SPEC 5.6): READY holds of patrons who get a phone call. */
export const getContactList: RouteHandler = async (request, deps) => {
  const query = parseInput(ContactListQuery, request.query, 'query');
  await knownBranch(deps, query.branch);
  return ok(await contactList(deps, query.branch));
};
