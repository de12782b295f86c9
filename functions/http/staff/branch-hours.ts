import * as z from 'zod/mini';
import { AppError } from '../../common/errors.js';
import { noContent, ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { clockTime, trimmed } from '../../common/http/schemas.js';
import { WEEKDAYS, weeklyHoursProblem, type OpeningHours, type Weekday, type WeeklyHours } from '../../domain/calendar.js';

const Params = z.object({ branch: trimmed(1, 40) });
const Day = z.nullable(z.object({ opensAt: clockTime, closesAt: clockTime }));
/** Every weekday must be given: `null` for closed, so a forgotten day is an error, not a closure. */
const Weekly = z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, Day])) as Record<Weekday, typeof Day>);

const knownBranch = async (deps: Parameters<RouteHandler>[1], branch: string) => {
  if (!(await deps.store.branches.get(branch))) throw new AppError(404, 'INVALID_BRANCH', { field: 'branch' });
};

/** GET /admin/branches/{branch}/hours (SPEC 2): the weekly hours, `null` for closed weekdays. */
export const getBranchHours: RouteHandler = async (request, deps) => {
  const { branch } = parseInput(Params, request.params, 'path');
  await knownBranch(deps, branch);
  const weekly = await deps.store.calendar.weeklyHoursOf(branch);
  return ok(weekly ?? Object.fromEntries(WEEKDAYS.map((d) => [d, null])));
};

/**
 * PUT /admin/branches/{branch}/hours (SPEC 2): staff replace a branch's weekly hours, which
 * decide every date that has no exception (PUT /admin/calendar/{branch}/{date}).
 */
export const putBranchHours: RouteHandler = async (request, deps) => {
  const { branch } = parseInput(Params, request.params, 'path');
  const body = parseInput(Weekly, request.body);
  const weekly: WeeklyHours = Object.fromEntries(
    WEEKDAYS.map((d) => [d, body[d] ? ({ opensAt: body[d].opensAt, closesAt: body[d].closesAt } satisfies OpeningHours) : null]),
  ) as Record<Weekday, OpeningHours | null>;
  const problem = weeklyHoursProblem(weekly);
  if (problem) throw new AppError(400, 'VALIDATION', { field: `${problem}.closesAt`, rule: 'time' });
  await knownBranch(deps, branch);
  await deps.store.calendar.setWeeklyHours(branch, weekly);
  return noContent();
};
