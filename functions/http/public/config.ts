import { ok, type RouteHandler } from '../../common/http/types.js';
import { tokyoIso } from '../../domain/tokyo-time.js';
import type { LibraryConfig } from '../../contract/views/config.js';

/**
 * GET /api/config (SPEC 11): the rules clients show, as this stack applies them, and the
 * service's clock (`serverTime`), so the staff console shows the service's date and time.
 */
export const getConfig: RouteHandler = async (_request, deps) =>
  ok({
    libraryName: deps.config.libraryName,
    holdLimit: deps.config.holds.holdLimit,
    loanDays: deps.config.loanDays,
    pickupDays: deps.config.pickupDays,
    renewals: deps.config.renewals,
    serverTime: tokyoIso(deps.clock.now()),
    // The From of every notice: the contact page asks patrons to let it through spam filters.
    mailFrom: deps.config.mailFrom,
  } satisfies LibraryConfig);
