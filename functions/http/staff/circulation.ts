import * as z from 'zod/mini';
import { AppError } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { calendarDate, trimmed } from '../../common/http/schemas.js';
import { tokyoDate } from '../../domain/tokyo-time.js';
import { checkin } from '../../use-cases/checkin.js';
import { checkinAnswer } from '../../use-cases/checkin-answer.js';
import { contactList, pullList } from '../../use-cases/pull-list.js';

const CheckinBody = z.object({ itemId: trimmed(1, 40), branch: trimmed(1, 40) });

/** POST /admin/checkin (SPEC 5.4): where the copy goes — SHELVE, HOLD_SHELF or TRANSIT — and for whom (SPEC 11). */
export const postCheckin: RouteHandler = async (request, deps) => {
  const body = parseInput(CheckinBody, request.body);
  const destination = await checkin(deps, body.itemId, body.branch);
  return ok(await checkinAnswer(deps, body.itemId, destination));
};

const BranchQuery = z.object({ branch: trimmed(1, 40), date: z.optional(calendarDate) });

const knownBranch = async (deps: Parameters<RouteHandler>[1], branch: string) => {
  if (!(await deps.store.branches.get(branch))) throw new AppError(422, 'INVALID_BRANCH', { field: 'branch' });
};

/** GET /admin/pull-list?branch=&date= (SPEC 5.4): today unless a date is given, in shelf order. */
export const getPullList: RouteHandler = async (request, deps) => {
  const query = parseInput(BranchQuery, request.query, 'query');
  await knownBranch(deps, query.branch);
  return ok(await pullList(deps, query.branch, query.date ?? tokyoDate(deps.clock.now())));
};

/** GET /admin/contact-list?branch= (SPEC 5.6): READY holds of patrons who get a phone call. */
export const getContactList: RouteHandler = async (request, deps) => {
  const query = parseInput(BranchQuery, request.query, 'query');
  await knownBranch(deps, query.branch);
  return ok(await contactList(deps, query.branch));
};
