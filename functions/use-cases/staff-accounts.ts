import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { hashPassword } from '../common/password-hash.js';
import { roleOf, type StaffMember } from '../store/staff.js';
import type { StaffRole } from '../wiring.js';
import type { StaffAccountView } from '../contract/views/staff-accounts.js';

/** A staff account as the administration page shows it: never its credential. */
export const staffView = (member: StaffMember): StaffAccountView => ({
  staffId: member.staffId,
  name: member.name,
  role: roleOf(member),
  disabled: member.disabled === true,
  ...(member.branch ? { branch: member.branch } : {}),
});

/** SPEC 11: a new account; 409 ALREADY_EXISTS when the id was ever used. */
export const createStaff = async (deps: Deps, input: { staffId: string; name: string; role: StaffRole; password: string; branch?: string }) => {
  const now = deps.clock.now();
  const member: StaffMember = {
    staffId: input.staffId,
    name: input.name,
    role: input.role,
    createdAt: now.toISOString(),
    ...(input.branch ? { branch: input.branch } : {}),
  };
  if (!(await deps.store.staff.create(member, await hashPassword(input.password), now))) {
    throw new AppError(409, 'ALREADY_EXISTS', { field: 'staffId' });
  }
  deps.logger.info('staff account created', { role: input.role });
  return staffView(member);
};

/**
 * SPEC 11: disables an account: no more logins, and its tokens answer 401 from now on. An
 * administrator cannot disable their own account (409 CANNOT_DISABLE_SELF), so the caller
 * always remains. Disabling a disabled account changes nothing.
 */
export const disableStaff = async (deps: Deps, callerId: string, staffId: string): Promise<void> => {
  if (callerId === staffId) throw new AppError(409, 'CANNOT_DISABLE_SELF', { field: 'staffId' });
  const outcome = await deps.store.staff.disable(staffId, deps.clock.now());
  if (outcome === 'not-found') throw notFound();
  if (outcome === 'disabled') deps.logger.info('staff account disabled', {});
};
