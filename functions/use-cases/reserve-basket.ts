import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { renderAppError } from '../common/http/render-error.js';
import type { Lang } from '../common/messages.js';
import type { Hold } from '../store/holds.js';
import { holdViews } from './hold-view.js';
import { placeHold, readHoldingPatron } from './place-hold.js';
import type { BasketReserveResult } from '../contract/views/basket.js';

/**
 * SPEC 5.8 reserve a selection from the basket with one pickup branch. Each title is placed
 * as in 5.2, one after another (so the limit counts them in order); reserved titles leave
 * the basket, refused ones stay with their reason. A reserved title carries `registersAt`,
 * the run that will register it, as a single hold's answer does (issue 10.6).
 */
export const reserveFromBasket = async (deps: Deps, cardNumber: string, titleIds: readonly string[], pickupBranch: string, lang: Lang) => {
  const results: BasketReserveResult[] = [];
  const placed: Hold[] = [];
  // The patron's loans are read once for the whole selection (rule 2); limits stay the transaction's.
  const patron = await readHoldingPatron(deps, cardNumber);
  for (const titleId of [...new Set(titleIds)]) {
    try {
      const hold = await placeHold(deps, { cardNumber, titleId, pickupBranch, channel: 'ONLINE' }, { patron });
      await deps.store.basket.remove(cardNumber, titleId);
      placed.push(hold);
      results.push({ titleId, ok: true, holdId: hold.holdId, status: hold.status });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { error: body } = renderAppError(error, lang);
      results.push({ titleId, ok: false, error: { code: body.code, message: body.message } });
    }
  }
  const registers = new Map((await holdViews(deps, placed, lang)).map((view) => [view.holdId, view.registersAt]));
  return results.map((result) => {
    const at = result.holdId ? registers.get(result.holdId) : undefined;
    return at ? { ...result, registersAt: at } : result;
  });
};
