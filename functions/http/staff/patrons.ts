import * as z from 'zod/mini';
import { AppError } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { calendarDate, cardNumber, text } from '../../common/http/schemas.js';
import { tokyoDate } from '../../domain/tokyo-time.js';
import { issueInternetPassword } from '../../use-cases/internet-password.js';

const PatronBody = z.object({
  cardNumber,
  name: text(100),
  birthDate: calendarDate,
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9-]{5,19}$/))),
});

/** POST /admin/patrons (SPEC 3): 201 with the record; 409 ALREADY_EXISTS for a taken card. */
export const registerPatron: RouteHandler = async (request, deps) => {
  const body = parseInput(PatronBody, request.body);
  const now = deps.clock.now();
  if (body.birthDate > tokyoDate(now)) throw new AppError(400, 'VALIDATION', { field: 'birthDate', rule: 'invalid' });
  const patron = { ...body, contactMethod: 'NONE' as const, internetService: false, createdAt: now.toISOString() };
  if (!(await deps.store.patrons.create(patron))) throw new AppError(409, 'ALREADY_EXISTS', { field: 'cardNumber' });
  return ok({ cardNumber: patron.cardNumber, name: patron.name, birthDate: patron.birthDate, internetService: false }, 201);
};

/** POST /admin/patrons/{cardNumber}/internet-password: issue or reset to the birth MMDD. */
export const issuePassword: RouteHandler = async (request, deps) => {
  const { cardNumber: card } = parseInput(z.object({ cardNumber }), request.params, 'cardNumber');
  return ok(await issueInternetPassword(deps, card));
};
