import { ok, type RouteHandler } from '../../common/http/types.js';

/** GET /api/config (SPEC 11): the rules clients show, as this stack applies them. */
export const getConfig: RouteHandler = async (_request, deps) =>
  ok({
    libraryName: deps.config.libraryName,
    holdLimit: deps.config.holds.holdLimit,
    loanDays: deps.config.loanDays,
    pickupDays: deps.config.pickupDays,
    renewals: deps.config.renewals,
    // The From of every notice: the contact page asks patrons to let it through spam filters.
    mailFrom: deps.config.mailFrom,
  });
