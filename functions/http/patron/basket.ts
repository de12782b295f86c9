import { AppError, notFound } from '../../common/errors.js';
import { assertSessionCurrent, noContent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { ReserveBody } from '../../contract/patron.js';
import { tokyoIso } from '../../domain/tokyo-time.js';
import { reserveFromBasket } from '../../use-cases/reserve-basket.js';
import type { BasketEntry } from '../../contract/views/basket.js';

const titleIdOf = (params: Readonly<Record<string, string | undefined>>) => {
  const titleId = params.titleId;
  if (!titleId) throw notFound();
  return titleId;
};

/** GET /api/me/basket (SPEC 5.8): newest first; the partition Query checks the session too. */
export const getBasket: RouteHandler = async (request, deps) => {
  const principal = principalOf(request);
  const records = await deps.store.patronRecords.all(principal.subject, deps.clock.now());
  assertSessionCurrent(principal, records.credentialVersion);
  return ok(
    records.basket
      .sort((a, b) => b.addedAt.localeCompare(a.addedAt))
      .map((e): BasketEntry => ({ titleId: e.titleId, title: e.title, addedAt: tokyoIso(new Date(e.addedAt)) })),
  );
};

/** PUT /api/me/basket/{titleId}: 204, idempotent; unknown title 404; a full basket 409. */
export const putBasket: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const title = await deps.store.catalog.getTitle(titleIdOf(request.params));
  if (!title) throw notFound();
  const outcome = await deps.store.basket.add(
    subject,
    { titleId: title.titleId, title: title.title, addedAt: deps.clock.now().toISOString() },
    deps.config.basketCapacity,
  );
  if (outcome === 'full') throw new AppError(409, 'BASKET_FULL', { extra: { capacity: deps.config.basketCapacity } });
  return noContent();
};

/** DELETE /api/me/basket/{titleId}: 204, idempotent. */
export const deleteBasket: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  await deps.store.basket.remove(subject, titleIdOf(request.params));
  return noContent();
};

/** POST /api/me/basket/reserve: one result per title; reserved titles leave the basket. */
export const reserveBasket: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const body = parseInput(ReserveBody, request.body);
  return ok({ results: await reserveFromBasket(deps, subject, body.titleIds, body.pickupBranch, request.lang) });
};
