import { AppError, notFound } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { CardParams, LookupQuery, PatronBody, RenewBody, type PatronDetail, type PatronRecordView } from '../../contract/views/staff-patron.js';
import { LOOKUP_LIMIT, parseLookupQuery } from '../../domain/patron-lookup.js';
import type { Patron } from '../../store/patrons.js';
import { renewLoans } from '../../use-cases/renew-loans.js';
import { loansAndHolds } from '../../use-cases/status-view.js';
import { tokyoDate } from '../../domain/tokyo-time.js';
import { issueInternetPassword } from '../../use-cases/internet-password.js';

/** POST /admin/patrons (SPEC 3): 201 with the record; 409 ALREADY_EXISTS for a taken card. */
export const registerPatron: RouteHandler = async (request, deps) => {
  const body = parseInput(PatronBody, request.body);
  const now = deps.clock.now();
  if (body.birthDate > tokyoDate(now)) throw new AppError(400, 'VALIDATION', { field: 'birthDate', rule: 'invalid' });
  const patron = { ...body, contactMethod: 'NONE' as const, internetService: false, createdAt: now.toISOString() };
  if (!(await deps.store.patrons.create(patron))) throw new AppError(409, 'ALREADY_EXISTS', { field: 'cardNumber' });
  return ok({ cardNumber: patron.cardNumber, name: patron.name, birthDate: patron.birthDate, internetService: false } satisfies PatronRecordView, 201);
};

/** POST /admin/patrons/{cardNumber}/internet-password: issue or reset to the birth MMDD. */
export const issuePassword: RouteHandler = async (request, deps) => {
  const { cardNumber: card } = parseInput(CardParams, request.params, 'cardNumber');
  return ok(await issueInternetPassword(deps, card));
};

/**
 * GET /admin/patrons?q= (SPEC 11): by card number (whole, or its first 4+ digits) or the
 * start of the name, folded like search; at most 50, `[{cardNumber, name}]`.
 */
export const lookupPatrons: RouteHandler = async (request, deps) => {
  const { q } = parseInput(LookupQuery, request.query, 'q');
  const query = parseLookupQuery(q);
  switch (query.kind) {
    case 'invalid':
      throw new AppError(400, 'VALIDATION', { field: 'q', rule: 'lookupQuery' });
    case 'card':
      return ok(await deps.store.patronLookup.byCard(query.cardNumber));
    case 'cardPrefix':
      return ok(await deps.store.patronLookup.byCardPrefix(query.prefix, LOOKUP_LIMIT));
    case 'name':
      return ok(await deps.store.patronLookup.byName(query.folded, LOOKUP_LIMIT));
  }
};

/** A patron's profile as staff see it: no credential, nothing of the password. */
const profileView = (patron: Patron): PatronDetail['profile'] => ({
  cardNumber: patron.cardNumber,
  name: patron.name,
  birthDate: patron.birthDate,
  ...(patron.phone ? { phone: patron.phone } : {}),
  ...(patron.email ? { email: patron.email } : {}),
  contactMethod: patron.contactMethod,
  internetService: patron.internetService,
  ...(patron.emailStatus ? { emailStatus: patron.emailStatus } : {}),
});

/** GET /admin/patrons/{cardNumber} (SPEC 11): profile, and loans and holds as the patron's status page shows them. */
export const getPatron: RouteHandler = async (request, deps) => {
  const { cardNumber: card } = parseInput(CardParams, request.params, 'cardNumber');
  const now = deps.clock.now();
  const records = await deps.store.patronRecords.all(card, now);
  if (!records.patron) throw notFound();
  const view = await loansAndHolds(deps, records, now, request.lang);
  // The counter fetches a READY copy from the hold shelf by its number (staff holds carry itemId).
  const itemIds = new Map(records.holds.flatMap((h) => (h.itemId ? [[h.holdId, h.itemId] as const] : [])));
  const holds = view.holds.map((h) => (itemIds.has(h.holdId) ? { ...h, itemId: itemIds.get(h.holdId) } : h));
  return ok({ profile: profileView(records.patron), ...view, holds } satisfies PatronDetail);
};

/** POST /admin/patrons/{cardNumber}/loans/renew (SPEC 11 renewal by phone): the rules and answer of SPEC 6. */
export const renewForPatron: RouteHandler = async (request, deps) => {
  const { cardNumber: card } = parseInput(CardParams, request.params, 'cardNumber');
  const { itemIds } = parseInput(RenewBody, request.body);
  if (!(await deps.store.patrons.get(card))) throw notFound();
  return ok({ results: await renewLoans(deps, card, itemIds, request.lang) });
};
