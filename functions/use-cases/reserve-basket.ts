import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { renderAppError } from '../common/http/render-error.js';
import type { Lang } from '../common/messages.js';
import { placeHold } from './place-hold.js';

/**
 * SPEC 5.8 reserve a selection from the basket with one pickup branch. Each title is placed
 * as in 5.2, one after another (so the limit counts them in order); reserved titles leave
 * the basket, refused ones stay with their reason.
 */
export const reserveFromBasket = async (deps: Deps, cardNumber: string, titleIds: readonly string[], pickupBranch: string, lang: Lang) => {
  const results = [];
  for (const titleId of [...new Set(titleIds)]) {
    try {
      const hold = await placeHold(deps, { cardNumber, titleId, pickupBranch, channel: 'ONLINE' });
      await deps.store.basket.remove(cardNumber, titleId);
      results.push({ titleId, ok: true, holdId: hold.holdId, status: hold.status });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { error: body } = renderAppError(error, lang);
      results.push({ titleId, ok: false, error: { code: body.code, message: body.message } });
    }
  }
  return results;
};
