import type { Deps } from '../common/deps.js';
import { composeLockNotice } from '../mail/lock-notice.js';
import type { Account } from '../store/credentials.js';
import { getsMail } from '../store/patrons.js';

const DAY_MS = 86_400_000;

/**
 * SPEC 12: an `EMAIL` patron whose account locks gets one mail about it, at most one a day
 * (claimed on the credential before sending, so parallel locks cannot send two). Staff,
 * unknown cards and patrons without mail get none. Never fails the login it rides on.
 */
export const noticeLock = async (deps: Deps, account: Account, lockedUntil: Date, now: Date): Promise<void> => {
  if (account.kind !== 'patron') return;
  try {
    const patron = await deps.store.patrons.get(account.id);
    // Not to an address that bounces either (SPEC 10.4).
    if (!getsMail(patron) || !deps.mailer) return;
    if (!(await deps.store.credentials.claimLockNotice(account, now, new Date(now.getTime() - DAY_MS)))) return;
    const mail = composeLockNotice({
      patronName: patron.name,
      cardNumber: patron.cardNumber,
      lockedUntil,
      libraryName: deps.config.libraryName,
      inquiryAddress: deps.config.mailInquiry,
    });
    await deps.store.patrons.indexEmail(patron.cardNumber, patron.email);
    await deps.mailer.send({ to: patron.email, from: deps.config.mailFrom, replyTo: deps.config.mailInquiry, ...mail });
    deps.logger.info('lock notice mailed');
    deps.metrics.count('MailsSent');
  } catch (error) {
    deps.metrics.count('MailsFailed');
    deps.logger.error('lock notice not sent', { errorName: (error as Error)?.name });
  }
};
