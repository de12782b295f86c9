import { mapWithConcurrency } from '../../functions/common/concurrency.js';
import { hashPassword } from '../../functions/common/password-hash.js';
import type { Store } from '../../functions/store/index.js';
import type { Creation } from '../../functions/store/put-if-absent.js';
import type { SetupPlan } from './setup-file.js';

export interface SetupReport {
  readonly branches: Record<string, Creation>;
  readonly weeklyHours: Record<string, Creation>;
  readonly closedDates: Record<Creation, number>;
  readonly admin: { readonly staffId: string; readonly result: Creation };
}

/**
 * Loads a setup plan into the table, creating only what is missing (conditional puts): a
 * second run, or a run after staff changed hours or closed dates, changes nothing. The
 * admin's password is asked for only when the account does not exist yet.
 */
export const applySetup = async (
  store: Pick<Store, 'branches' | 'calendar' | 'staff'>,
  plan: SetupPlan,
  options: { adminPassword: () => Promise<string>; now: Date },
): Promise<SetupReport> => {
  // The password first: a mistyped confirmation must stop the run before anything is written.
  const admin = plan.admin;
  const passwordHash = (await store.staff.get(admin.staffId)) ? undefined : await hashPassword(await options.adminPassword());
  const branches: Record<string, Creation> = {};
  const weeklyHours: Record<string, Creation> = {};
  await Promise.all(
    plan.branches.map(async ({ branch, weekly }) => {
      branches[branch.code] = await store.branches.create(branch);
      weeklyHours[branch.code] = await store.calendar.createWeeklyHours(branch.code, weekly);
    }),
  );
  const closedDates: Record<Creation, number> = { created: 0, unchanged: 0 };
  await mapWithConcurrency(plan.closed, 8, async (day) => {
    closedDates[await store.calendar.createException(day)] += 1;
  });
  const result: Creation = passwordHash && (await store.staff.create(admin, passwordHash, options.now)) ? 'created' : 'unchanged';
  return { branches, weeklyHours, closedDates, admin: { staffId: admin.staffId, result } };
};

/** The report as lines a person reads (no password, no personal data). */
export const describeReport = (report: SetupReport): string[] => {
  const count = (results: Record<string, Creation>, what: Creation) => Object.values(results).filter((r) => r === what).length;
  const line = (label: string, results: Record<string, Creation>) => `${label}: ${count(results, 'created')} created, ${count(results, 'unchanged')} unchanged`;
  return [
    line('branches', report.branches),
    line('weekly hours', report.weeklyHours),
    `closed dates: ${report.closedDates.created} created, ${report.closedDates.unchanged} unchanged`,
    `admin ${report.admin.staffId}: ${report.admin.result}`,
  ];
};
