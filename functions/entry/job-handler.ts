import type { Context } from 'aws-lambda';
import type { Deps } from '../common/deps.js';
import { CONTINUE_BELOW_MS, runJob, type JobBody } from '../jobs/run-job.js';
import type { JobName } from '../wiring.js';

/**
 * The Lambda handler of one job: Scheduler input and bus events alike (functions/jobs/run-job.ts).
 * Its budget is the function's remaining time: a job stops taking new items with
 * CONTINUE_BELOW_MS left and continues in a next invocation instead of being killed.
 */
export const makeJobHandler = (job: JobName, body: JobBody, deps: Deps) => (event: Parameters<typeof runJob>[1], context: Context) =>
  runJob(job, event, deps, body, { timeLeftMs: () => context.getRemainingTimeInMillis() - CONTINUE_BELOW_MS });
