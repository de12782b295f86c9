import type { JobBody } from './run-job.js';

/** SPEC 5.6 pickup notices. Foundation shell: runs and records; mail arrives with fulfilment. */
export const pickupNotices: JobBody = async () => ({ notified: 0 });
