import type { EventBridgeEvent } from 'aws-lambda';
import type { Deps } from '../common/deps.js';
import { events, type JobInvocation, type JobName } from '../wiring.js';
import { ItemsFailed } from './each-item.js';
import { newRunId, scheduledRunId } from './run-id.js';

/** Jobs get the same dependencies as handlers (tokens unused). */
export type JobDeps = Deps;

/**
 * A run's time budget: `timeLeftMs()` says how long the function may still work (in Lambda,
 * its remaining time less a safety margin; without one, unlimited).
 */
export interface RunBudget {
  timeLeftMs(): number;
}
export const unlimitedBudget: RunBudget = { timeLeftMs: () => Number.POSITIVE_INFINITY };

/** Below this much time left a job stops taking new items and hands the rest to a continuation. */
export const CONTINUE_BELOW_MS = 30_000;

/**
 * A job's work: given its "now" (the scheduled time for scheduled runs), return a summary.
 * A body that ran out of budget before it finished returns `continued: true`: the runner then
 * requests a continuation run (same job, same "now") that takes what is left.
 */
export type JobBody = (now: Date, deps: JobDeps, invocation: JobInvocation & { runId: string; budget: RunBudget }) => Promise<Record<string, unknown>>;

/** `20261201T220000Z-daily-0700` → `…-daily-0700~2` → `…~3`: a continuation's run id. */
export const continuationRunId = (runId: string): string => {
  const match = /^(.*)~(\d+)$/.exec(runId);
  return match ? `${match[1]}~${Number(match[2]) + 1}` : `${runId}~2`;
};

export interface JobOutcome {
  readonly runId: string;
  readonly status: 'SUCCEEDED' | 'FAILED' | 'DUPLICATE';
  readonly summary?: Record<string, unknown>;
  /** 1 for the first delivery of a run id; more when a failed or stale run was retried. */
  readonly attempt?: number;
}

/**
 * A run still RUNNING this long after it started has died (its function timed out or
 * crashed): a new delivery of the same run id takes it over. Longer than any job function's
 * timeout (5 minutes, lib/cloud/group-function.ts), so a live run is never taken over.
 */
export const STALE_RUN_MS = 15 * 60_000;

type JobEvent = JobInvocation | EventBridgeEvent<string, JobInvocation>;

/** Scheduler passes the invocation itself; a staff "run now" arrives as a bus event's detail. */
export const invocationOf = (event: JobEvent, job: JobName): JobInvocation => {
  const invocation = 'detail-type' in event && event['detail-type'] === events.detailTypes.jobRunRequested ? event.detail : (event as JobInvocation);
  if (invocation.job !== job) throw new Error(`job ${job} received an invocation for ${String(invocation.job)}`);
  return invocation;
};

/**
 * Runs a job once per run id and records it for GET /admin/jobs/{job}/runs.
 * A scheduled run's id comes from its schedule and time, a manual run's from the request,
 * so a duplicate delivery of either is recognised and skipped. A run that failed, or died
 * without finishing, is not a duplicate: its retry (EventBridge's retry policy delivers the
 * same invocation again) does the work. The work itself must be idempotent: two different
 * runs may overlap, and a retry repeats what the failed attempt had already done.
 */
export const runJob = async (job: JobName, event: JobEvent, deps: JobDeps, body: JobBody, budget: RunBudget = unlimitedBudget): Promise<JobOutcome> => {
  const invocation = invocationOf(event, job);
  const startedAt = deps.clock.now();
  const now = invocation.scheduledTime ? new Date(invocation.scheduledTime) : startedAt;
  const runId = invocation.runId ?? (invocation.scheduledTime && invocation.schedule ? scheduledRunId(now, invocation.schedule) : newRunId(startedAt));
  const attempt = await deps.store.jobRuns.start(
    {
      runId,
      job,
      trigger: invocation.trigger,
      schedule: invocation.schedule,
      scheduledTime: invocation.scheduledTime,
      startedAt: startedAt.toISOString(),
      status: 'RUNNING',
    },
    startedAt,
    new Date(startedAt.getTime() - STALE_RUN_MS),
  );
  if (attempt === undefined) {
    deps.logger.info('duplicate job delivery skipped', { job, runId });
    return { runId, status: 'DUPLICATE' };
  }
  if (attempt > 1) deps.logger.warn('retrying a job run that failed or died', { job, runId, attempt });
  // Real elapsed time, whatever the clock says (the local one can stand still).
  const started = performance.now();
  try {
    const done = await body(now, deps, { ...invocation, runId, budget });
    const summary = done.continued ? { ...done, continuedAs: await requestContinuation(deps, invocation, runId, now) } : done;
    await deps.store.jobRuns.finish(job, runId, { status: 'SUCCEEDED', finishedAt: deps.clock.now().toISOString(), summary });
    deps.logger.info('job finished', { job, runId, attempt, summary });
    deps.metrics.jobRunDuration(job, performance.now() - started);
    return { runId, status: 'SUCCEEDED', summary, attempt };
  } catch (error) {
    const summary = { error: error instanceof Error ? error.name : 'Error', ...(error instanceof ItemsFailed ? error.summary : {}) };
    await deps.store.jobRuns.finish(job, runId, { status: 'FAILED', finishedAt: deps.clock.now().toISOString(), summary });
    deps.logger.error('job failed', { job, runId, errorName: (error as Error)?.name, errorMessage: (error as Error)?.message });
    deps.metrics.jobRunDuration(job, performance.now() - started);
    throw error;
  }
};

/**
 * The rest of a run that ran out of time goes over the bus, as a staff "run now" does, to a
 * fresh invocation of the same job with the same "now" (`scheduledTime`): every job's work is
 * idempotent and selects what is still to do, so the continuation simply takes the rest.
 */
const requestContinuation = async (deps: JobDeps, invocation: JobInvocation, runId: string, now: Date): Promise<string> => {
  const next = continuationRunId(runId);
  const continuation: JobInvocation = {
    job: invocation.job,
    trigger: invocation.trigger,
    ...(invocation.schedule ? { schedule: invocation.schedule } : {}),
    scheduledTime: now.toISOString(),
    runId: next,
  };
  await deps.events.publish(events.detailTypes.jobRunRequested, { ...continuation });
  deps.logger.info('job run continues in a next invocation', { job: invocation.job, runId, continuation: next });
  return next;
};
