import { notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { hashPassword } from '../common/password-hash.js';
import { initialPasswordFor } from '../domain/password-rules.js';

/**
 * SPEC 3: staff issue (or reset) the internet password at the counter.
 * The password becomes the birth MMDD, any lock is lifted, and internet service is on.
 */
export const issueInternetPassword = async (deps: Deps, cardNumber: string): Promise<{ initialPassword: string }> => {
  const patron = await deps.store.patrons.get(cardNumber);
  if (!patron) throw notFound();
  const initialPassword = initialPasswordFor(patron.birthDate);
  await deps.store.credentials.setPassword({ kind: 'patron', id: cardNumber }, await hashPassword(initialPassword), true, deps.clock.now());
  await deps.store.patrons.enableInternetService(cardNumber);
  return { initialPassword };
};
