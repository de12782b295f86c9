import { tokyoDate } from '../domain/tokyo-time.js';
import type { JobBody } from './run-job.js';

/**
 * SPEC 5.3 registration batch. Foundation shell: it runs on its schedules and records its
 * runs; registering provisional holds arrives with the holds issue.
 */
export const holdRegistration: JobBody = async (now, deps) => {
  const days = await deps.store.calendar.forDate(tokyoDate(now));
  return { openBranches: days.filter((d) => d.open).length, registered: 0 };
};
