import type { JobBody } from './run-job.js';

/** SPEC 5.7 expiry. Foundation shell: runs and records; expiry arrives with fulfilment. */
export const holdExpiry: JobBody = async () => ({ expired: 0 });
