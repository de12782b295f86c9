import type { Deps } from '../common/deps.js';
import { mapWithConcurrency } from '../common/concurrency.js';
import type { Patron } from '../store/patrons.js';
import type { StoredItem } from '../store/catalog.js';
import { byShelfOrder, canFillHolds, planPullLists, requestedBeforeDay, type ShelfCopy } from '../domain/fulfilment.js';
import { tokyoIso } from '../domain/tokyo-time.js';
import { maskCardNumber } from '../mail/pickup-notice.js';
import { fillCheckFor } from './fill-eligibility.js';

/** What a clerk needs to find the copy and name the hold on the slip (SPEC 5.4, 7). */
export interface PullListEntry {
  readonly holdId: string;
  readonly titleId: string;
  readonly itemId: string;
  readonly title: string;
  readonly author: string | null;
  /** 請求記号 of the copy, or null when the copy has none. */
  readonly callNumber: string | null;
  /** The branch whose shelf the copy is on (this list's branch). */
  readonly shelfBranch: string;
  /** The hold's patron as staff name them on a slip: all but the last four digits hidden. */
  readonly cardNumberMasked: string;
  readonly pickupBranch: string;
  readonly requestedAt: string;
}

/**
 * SPEC 5.4 pull list of one branch for one opening day: WAITING holds requested before that
 * day that may take a copy that day (not suspended, not waiting for a previous volume) (so an evening request registered by the 07:00 run is on the next morning's list) that
 * a copy on a shelf can fill, planned for all branches at once (prefer a copy at the pickup
 * branch; one hold on one list), cut to this branch and sorted in shelf order.
 */
export const pullList = async (deps: Deps, branch: string, date: string): Promise<PullListEntry[]> => {
  const requested = requestedBeforeDay(await deps.store.holds.allWaiting(), date);
  // SPEC 10.1 / 10.2: holds that may not take a copy that day are not searched for.
  const blockOf = await fillCheckFor(deps, requested, deps.clock.now(), date);
  const holds = requested.filter((hold) => blockOf(hold) === null);
  const titleIds = [...new Set(holds.map((h) => h.titleId))];
  const copies = (
    await mapWithConcurrency(titleIds, 8, async (titleId) =>
      (await deps.store.catalog.copiesOf(titleId)).filter(
        (c) => c.status === 'ON_SHELF' && canFillHolds(c) && !(c as { assignedHoldId?: string }).assignedHoldId,
      ),
    )
  ).flat();
  const byItem = new Map<string, StoredItem>(copies.map((c) => [c.itemId, c]));
  const shelf: ShelfCopy[] = copies.map((c) => ({ itemId: c.itemId, titleId: c.titleId, branch: c.location }));
  const order = (await deps.store.branches.list()).map((b) => b.code);
  const entries = planPullLists(holds, shelf, order).get(branch) ?? [];
  const listed = [...new Set(entries.map((e) => e.titleId))];
  const authors = new Map(
    await mapWithConcurrency(listed, 8, async (titleId) => [titleId, (await deps.store.catalog.getTitle(titleId))?.author ?? null] as const),
  );
  return entries
    .map((entry) => ({
      holdId: entry.holdId,
      titleId: entry.titleId,
      itemId: entry.itemId,
      title: entry.title,
      author: authors.get(entry.titleId) ?? null,
      callNumber: byItem.get(entry.itemId)?.callNumber ?? null,
      shelfBranch: entry.branch,
      cardNumberMasked: maskCardNumber(entry.cardNumber),
      pickupBranch: entry.pickupBranch,
      requestedAt: tokyoIso(new Date(entry.requestedAt)),
    }))
    .sort(byShelfOrder);
};

/** Why staff call about a READY hold: the patron asked for a call, or their mail is refused. */
const callReason = (patron: Patron | undefined): 'PHONE' | 'EMAIL_BOUNCED' | undefined => {
  if (patron?.contactMethod === 'PHONE') return 'PHONE';
  if (patron?.contactMethod === 'EMAIL' && patron.emailStatus === 'BOUNCING') return 'EMAIL_BOUNCED';
  return undefined;
};

/**
 * SPEC 5.6 / 10.4 contact list: READY holds at the branch whose patrons asked to be phoned,
 * or whose mail address is refused (`reason: EMAIL_BOUNCED`), so staff call instead.
 */
export const contactList = async (deps: Deps, branch: string) => {
  const ready = await deps.store.holds.ready(branch);
  const patrons = new Map(
    await Promise.all([...new Set(ready.map((h) => h.cardNumber))].map(async (card) => [card, await deps.store.patrons.get(card)] as const)),
  );
  return ready
    .filter((h) => callReason(patrons.get(h.cardNumber)) !== undefined)
    .map((h) => {
      const patron = patrons.get(h.cardNumber);
      return {
        reason: callReason(patron),
        holdId: h.holdId,
        cardNumber: h.cardNumber,
        name: patron?.name ?? '',
        phone: patron?.phone ?? null,
        titleId: h.titleId,
        title: h.title,
        itemId: h.itemId ?? null,
        pickupBranch: h.pickupBranch,
        readyDate: h.readyDate ?? null,
        pickupDeadline: h.pickupDeadline ?? null,
      };
    });
};
