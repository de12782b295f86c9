import { isDueForNotice, noticeRunGate } from '../domain/notices.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import { composePickupNotice } from '../mail/pickup-notice.js';
import { branchGuides, type BranchGuides } from './branch-guides.js';
import type { Hold } from '../store/holds.js';
import { getsMail } from '../store/patrons.js';
import { isPermanentRejection } from '../mail/rejections.js';
import { appErrorForAwsFault } from '../common/http/aws-errors.js';
import { forEachItem, ItemsFailed } from './each-item.js';
import type { JobBody, JobDeps } from './run-job.js';
import { emailStatusEvent } from '../use-cases/email-status-events.js';

/** A run that died keeps its claims this long before another run may take them over. */
const CLAIM_LEASE_MS = 15 * 60_000;
const PATRONS_IN_FLIGHT = 8;
/** Marks after a mail SES accepted: tries of each (each with the SDK's own retries), and the pause between. */
const MARK_ATTEMPTS = 4;
const MARK_PAUSE_MS = 250;

/**
 * Records the holds of a mail SES has answered (accepted, or refused for good). A hold left
 * unmarked is mailed again once its claim lapses, so a throttled or failing write is tried
 * again (beyond the SDK's retries), and every hold is tried even when one fails; the item
 * fails (and its run is retried) only if one stays unmarked. Only a crash, or DynamoDB
 * failing for longer than this, leaves the SPEC 5.6 gap (found by the fault suite,
 * test/integration/fault-suite.test.ts).
 */
const markMailed = async (holds: readonly Hold[], mark: (hold: Hold) => Promise<unknown>) => {
  let failure: unknown;
  for (const hold of holds) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await mark(hold);
        break;
      } catch (error) {
        const transient = appErrorForAwsFault(error)?.status === 503;
        if (!transient || attempt >= MARK_ATTEMPTS) {
          failure ??= error;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, MARK_PAUSE_MS * attempt));
      }
    }
  }
  if (failure !== undefined) throw failure;
};

/**
 * SPEC 5.6 pickup notices (08:00 on opening days; staff "run now" any time).
 * 1. Collect READY holds not yet notified that became ready on an earlier day (GSI2 per branch).
 * 2. Per patron: EMAIL patrons with an address get one mail listing all their items; PHONE
 *    and NONE patrons are recorded as not mailed (staff call PHONE patrons from the list).
 * 3. Each hold is claimed before sending and marked after: two runs at once mail each item
 *    once; a failed send releases the claims for the next run; a run that died is taken over
 *    after the lease. (A crash between the send and the mark would mail that item again.)
 */
export const pickupNotices: JobBody = async (now, deps, invocation) => {
  const today = tokyoDate(now);
  const gate = noticeRunGate(invocation.trigger, await deps.store.calendar.forDate(today));
  if (!gate.send) return { skipped: gate.reason, mailed: 0 };
  const branches = await deps.store.branches.list();
  const pending: Hold[] = [];
  for (const branch of branches) {
    pending.push(...(await deps.store.holds.ready(branch.code)).filter((h) => isDueForNotice(h, today)));
  }
  const byPatron = new Map<string, Hold[]>();
  for (const hold of pending) byPatron.set(hold.cardNumber, [...(byPatron.get(hold.cardNumber) ?? []), hold]);

  const names = new Map(branches.map((b) => [b.code, b.name]));
  const guides = branchGuides(deps, branches, today);
  const counts: NoticeCounts = { mailed: 0, items: 0, notByMail: 0, failed: 0, claimedElsewhere: 0 };
  // Several patrons in flight keep the mailer busy; its limiter holds the send rate.
  const outcome = await forEachItem(
    [...byPatron],
    PATRONS_IN_FLIGHT,
    ([cardNumber, holds]) => notifyPatron(deps, cardNumber, holds, names, guides, invocation.runId, now, counts),
    { job: 'pickup-notices', idOf: ([, holds]) => holds.map((h) => h.holdId).join(','), logger: deps.logger, budget: invocation.budget },
  );
  // Once per run, not per mail.
  deps.metrics.count('MailsSent', counts.mailed);
  deps.metrics.count('MailsFailed', counts.failed + (counts.rejected ?? 0));
  if (outcome.failed > 0) throw new ItemsFailed({ ...counts, failedItems: outcome.failed });
  // 14 mails a second is about 4,000 in a 5-minute function: the rest go in a continuation.
  return outcome.skipped > 0 ? { ...counts, continued: true } : counts;
};

/** A run's summary; `rejected` (addresses refused for good) appears only when it happened. */
type NoticeCounts = {
  mailed: number;
  items: number;
  notByMail: number;
  failed: number;
  claimedElsewhere: number;
  rejected?: number;
};

const notifyPatron = async (
  deps: JobDeps,
  cardNumber: string,
  holds: readonly Hold[],
  branchNames: ReadonlyMap<string, string>,
  guides: BranchGuides,
  runId: string,
  now: Date,
  counts: NoticeCounts,
) => {
  const patron = await deps.store.patrons.get(cardNumber);
  const leaseCutoff = new Date(now.getTime() - CLAIM_LEASE_MS);
  if (!getsMail(patron)) {
    const channel = patron?.emailStatus === 'BOUNCING' && patron.contactMethod === 'EMAIL' ? 'EMAIL_BOUNCED' : (patron?.contactMethod ?? 'NONE');
    // A claim of a run that died while the patron still got mail lapses here too.
    for (const hold of holds) if (await deps.store.holds.markNotified(hold, undefined, now, channel, leaseCutoff)) counts.notByMail += 1;
    return;
  }
  if (!deps.mailer) throw new Error('pickup notices need a mailer');
  // Read before claiming: a failed read must not leave claims to lapse.
  await guides.for(holds);
  const claimed: Hold[] = [];
  for (const hold of holds) {
    if (await deps.store.holds.claimNotice(hold, runId, now, leaseCutoff)) claimed.push(hold);
    else counts.claimedElsewhere += 1;
  }
  if (claimed.length === 0) return;
  const items = claimed.slice().sort((a, b) => (a.pickupDeadline ?? '').localeCompare(b.pickupDeadline ?? '') || a.title.localeCompare(b.title));
  const mail = composePickupNotice({
    patronName: patron.name,
    cardNumber,
    libraryName: deps.config.libraryName,
    inquiryAddress: deps.config.mailInquiry,
    items: items.map((h) => ({ title: h.title, pickupBranchName: branchNames.get(h.pickupBranch) ?? h.pickupBranch, pickupDeadline: h.pickupDeadline ?? '' })),
    branches: await guides.for(items),
  });
  try {
    await deps.store.patrons.indexEmail(cardNumber, patron.email);
    await deps.mailer.send({ to: patron.email, from: deps.config.mailFrom, replyTo: deps.config.mailInquiry, ...mail });
  } catch (error) {
    if (isPermanentRejection(error)) {
      // SPEC 10.4: retrying would fail for ever. The address is marked and the items go on
      // the pickup branch's contact list for staff to call (reason EMAIL_BOUNCED).
      counts.rejected = (counts.rejected ?? 0) + 1;
      deps.logger.warn('pickup notice refused for good; the patron goes on the contact list', { holds: claimed.length, errorName: (error as Error).name });
      await deps.store.patrons.markEmailBouncing(cardNumber, patron.email, emailStatusEvent(cardNumber, 'BOUNCING', 'REJECT', now), now);
      await markMailed(claimed, (hold) => deps.store.holds.markNotified(hold, runId, now, 'EMAIL_BOUNCED'));
      return;
    }
    counts.failed += 1;
    deps.logger.warn('pickup notice not sent; it will be retried next run', { holds: claimed.length, errorName: (error as Error).name });
    for (const hold of claimed) await deps.store.holds.releaseNotice(hold, runId);
    return;
  }
  await markMailed(claimed, (hold) => deps.store.holds.markNotified(hold, runId, now, 'EMAIL'));
  counts.mailed += 1;
  counts.items += claimed.length;
};
