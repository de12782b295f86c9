import type { Deps } from '../common/deps.js';
import { mapWithConcurrency } from '../common/concurrency.js';
import type { Patron } from '../store/patrons.js';
import type { StoredItem } from '../store/catalog.js';
import type { Hold } from '../store/holds.js';
import { PULL_TITLE_MIN_AGE_MS } from '../store/pull-titles.js';
import { byShelfOrder, canFillHolds, planPullLists, requestedBeforeDay, type ShelfCopy } from '../domain/fulfilment.js';
import { tokyoIso } from '../domain/tokyo-time.js';
import { maskCardNumber } from '../mail/pickup-notice.js';
import { fillCheckFor } from './fill-eligibility.js';
import type { ContactListEntry, PullListEntry } from '../contract/views/staff-checkin.js';

/** Free copies of a title that may fill holds from a shelf (SPEC 5.4). */
const freeOnShelf = (copies: readonly StoredItem[]) =>
  copies.filter((c) => c.status === 'ON_SHELF' && canFillHolds(c) && !(c as { assignedHoldId?: string }).assignedHoldId);

/**
 * The titles this branch's list may hold, with their WAITING holds and free shelf copies
 * (decision 019): the branch's pull-list markers, and the titles of WAITING holds placed at
 * the counter that the registration batch has not filed yet. Reads are per title, so the
 * cost follows the branch's work, not the number of holds waiting in the library. A marker
 * whose title has no WAITING hold left is removed (once old enough to be sure).
 */
const candidates = async (deps: Deps, branch: string) => {
  const [marked, staged] = await Promise.all([deps.store.pullTitles.ofBranch(branch), deps.store.holds.stagedWaiting(1000)]);
  const titleIds = [...new Set([...marked.map((m) => m.titleId), ...staged.holds.map((h) => h.titleId)])];
  // A full staging page would mean the batch has not run for long: read it all then.
  const stagedMore = staged.nextKey ? await allStaged(deps, staged.nextKey) : [];
  for (const hold of stagedMore) if (!titleIds.includes(hold.titleId)) titleIds.push(hold.titleId);
  const stale = new Set<string>();
  const titles = await mapWithConcurrency(titleIds, 8, async (titleId) => {
    const { queue, copies } = await deps.store.titlePartition.copiesAndQueue(titleId);
    const waiting = queue.filter((h) => h.status === 'WAITING');
    if (waiting.length === 0) stale.add(titleId);
    const free = freeOnShelf(copies);
    // Other titles cannot put a hold on this branch's list (a title's copies serve its holds only).
    return free.some((c) => c.location === branch) ? { waiting, free } : { waiting: [], free: [] };
  });
  const untouchedSince = new Date(deps.clock.now().getTime() - PULL_TITLE_MIN_AGE_MS);
  await mapWithConcurrency(
    marked.filter((m) => stale.has(m.titleId) && m.touchedAt < untouchedSince.toISOString()),
    8,
    (m) => deps.store.pullTitles.forget(branch, m.titleId, untouchedSince),
  );
  return { holds: titles.flatMap((t) => t.waiting), copies: titles.flatMap((t) => t.free) };
};

const allStaged = async (deps: Deps, from: Record<string, unknown>): Promise<Hold[]> => {
  const holds: Hold[] = [];
  let startKey: Record<string, unknown> | undefined = from;
  while (startKey) {
    const page = await deps.store.holds.stagedWaiting(1000, startKey);
    holds.push(...page.holds);
    startKey = page.nextKey;
  }
  return holds;
};

/**
 * SPEC 5.4 pull list of one branch for one opening day: WAITING holds requested before that
 * day (so an evening request registered by the 07:00 run is on the next morning's list) that
 * may take a copy that day (not suspended, not waiting for a previous volume) and that a
 * copy on a shelf can fill, planned for every branch at once (prefer a copy at the pickup
 * branch; one hold on one list), cut to this branch and sorted in shelf order. Planning is
 * per title, so planning only the titles with a free copy on this branch's shelf gives this
 * branch the list that planning every title would.
 */
export const pullList = async (deps: Deps, branch: string, date: string): Promise<PullListEntry[]> => {
  const found = await candidates(deps, branch);
  const requested = requestedBeforeDay(found.holds, date);
  // SPEC 10.1 / 10.2: holds that may not take a copy that day are not searched for.
  const blockOf = await fillCheckFor(deps, requested, deps.clock.now(), date);
  const holds = requested.filter((hold) => blockOf(hold) === null);
  const { copies } = found;
  const byItem = new Map<string, StoredItem>(copies.map((c) => [c.itemId, c]));
  const shelf: ShelfCopy[] = copies.map((c) => ({ itemId: c.itemId, titleId: c.titleId, branch: c.location }));
  const order = (await deps.store.branches.list()).map((b) => b.code);
  const entries = planPullLists(holds, shelf, order).get(branch) ?? [];
  const listed = [...new Set(entries.map((e) => e.titleId))];
  const titles = await deps.store.catalog.getTitles(listed);
  return entries
    .map((entry) => ({
      holdId: entry.holdId,
      titleId: entry.titleId,
      itemId: entry.itemId,
      title: entry.title,
      author: titles.get(entry.titleId)?.author ?? null,
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
export const contactList = async (deps: Deps, branch: string): Promise<ContactListEntry[]> => {
  const ready = await deps.store.holds.ready(branch);
  const patrons = new Map(await Promise.all([...new Set(ready.map((h) => h.cardNumber))].map(async (card) => [card, await deps.store.patrons.get(card)] as const)));
  return ready.flatMap((h) => {
    const patron = patrons.get(h.cardNumber);
    const reason = callReason(patron);
    if (!reason) return [];
    return [
      {
        reason,
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
      },
    ];
  });
};
