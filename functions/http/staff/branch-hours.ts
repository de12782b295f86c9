import { AppError } from '../../common/errors.js';
import { noContent, ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { BranchParams, WeeklyHoursBody, type WeeklyHoursView } from '../../contract/views/staff-calendar.js';
import { WEEKDAYS, weeklyHoursProblem, type OpeningHours, type Weekday, type WeeklyHours } from '../../domain/calendar.js';

const knownBranch = async (deps: Parameters<RouteHandler>[1], branch: string) => {
  if (!(await deps.store.branches.get(branch))) throw new AppError(404, 'INVALID_BRANCH', { field: 'branch' });
};

/** GET /admin/branches/{branch}/hours (SPEC 2): the weekly hours, `null` for closed weekdays. */
export const getBranchHours: RouteHandler = async (request, deps) => {
  const { branch } = parseInput(BranchParams, request.params, 'path');
  await knownBranch(deps, branch);
  const weekly: WeeklyHoursView = (await deps.store.calendar.weeklyHoursOf(branch)) ?? (Object.fromEntries(WEEKDAYS.map((d) => [d, null])) as WeeklyHoursView);
  return ok(weekly);
};

/**
 * PUT /admin/branches/{branch}/hours (SPEC 2): staff replace a branch's weekly hours, which
 * decide every date that has no exception (PUT /admin/calendar/{branch}/{date}).
 */
export const putBranchHours: RouteHandler = async (request, deps) => {
  const { branch } = parseInput(BranchParams, request.params, 'path');
  const body = parseInput(WeeklyHoursBody, request.body);
  const weekly: WeeklyHours = Object.fromEntries(
    WEEKDAYS.map((d) => [d, body[d] ? ({ opensAt: body[d].opensAt, closesAt: body[d].closesAt } satisfies OpeningHours) : null]),
  ) as Record<Weekday, OpeningHours | null>;
  const problem = weeklyHoursProblem(weekly);
  if (problem) throw new AppError(400, 'VALIDATION', { field: `${problem}.closesAt`, rule: 'time' });
  await knownBranch(deps, branch);
  await deps.store.calendar.setWeeklyHours(branch, weekly);
  return noContent();
};
