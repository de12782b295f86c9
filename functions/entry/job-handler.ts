import type { Deps } from '../common/deps.js';
import { runJob, type JobBody } from '../jobs/run-job.js';
import type { JobName } from '../wiring.js';

/** The Lambda handler of one job: Scheduler input and bus events alike (functions/jobs/run-job.ts). */
export const makeJobHandler = (job: JobName, body: JobBody, deps: Deps) => (event: Parameters<typeof runJob>[1]) =>
  runJob(job, event, deps, body);
