import { AppError } from '../../common/errors.js';
import { noContent, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { CalendarDayBody, CalendarDayParams } from '../../contract/views/staff-calendar.js';
import { hoursProblem } from '../../domain/calendar.js';

/**
 * PUT /admin/calendar/{branch}/{date} (SPEC 2, 7): staff set one date of one branch apart
 * from its weekly hours (closed, or open with these hours); a later PUT replaces it.
 */
export const putCalendarDay: RouteHandler = async (request, deps) => {
  const { branch, date } = parseInput(CalendarDayParams, request.params, 'path');
  const hours = parseInput(CalendarDayBody, request.body);
  const problem = hoursProblem(hours);
  if (problem) throw new AppError(400, 'VALIDATION', { field: problem, rule: 'time' });
  if (!(await deps.store.branches.get(branch))) throw new AppError(404, 'INVALID_BRANCH', { field: 'branch' });
  await deps.store.calendar.putException(hours.open ? { branch, date, open: true, opensAt: hours.opensAt, closesAt: hours.closesAt } : { branch, date, open: false });
  return noContent();
};
