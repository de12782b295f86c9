import type { EventBridgeEvent } from 'aws-lambda';
import type { Deps } from '../common/deps.js';
import { events, type JobInvocation, type JobName } from '../wiring.js';
import { ItemsFailed } from './each-item.js';
import { newRunId, scheduledRunId } from './run-id.js';

/** Jobs get the same dependencies as handlers (tokens unused). */
export type JobDeps = Deps;

/** A job's work: given its "now" (the scheduled time for scheduled runs), return a summary. */
export type JobBody = (now: Date, deps: JobDeps, invocation: JobInvocation & { runId: string }) => Promise<Record<string, unknown>>;

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
export const runJob = async (job: JobName, event: JobEvent, deps: JobDeps, body: JobBody): Promise<JobOutcome> => {
  const invocation = invocationOf(event, job);
  const startedAt = deps.clock.now();
  const now = invocation.scheduledTime ? new Date(invocation.scheduledTime) : startedAt;
  const runId =
    invocation.runId ??
    (invocation.scheduledTime && invocation.schedule ? scheduledRunId(now, invocation.schedule) : newRunId(startedAt));
  const attempt = await deps.store.jobRuns.start(
    { runId, job, trigger: invocation.trigger, schedule: invocation.schedule, scheduledTime: invocation.scheduledTime, startedAt: startedAt.toISOString(), status: 'RUNNING' },
    startedAt,
    new Date(startedAt.getTime() - STALE_RUN_MS),
  );
  if (attempt === undefined) {
    deps.logger.info('duplicate job delivery skipped', { job, runId });
    return { runId, status: 'DUPLICATE' };
  }
  if (attempt > 1) deps.logger.warn('retrying a job run that failed or died', { job, runId, attempt });
  try {
    const summary = await body(now, deps, { ...invocation, runId });
    await deps.store.jobRuns.finish(job, runId, { status: 'SUCCEEDED', finishedAt: deps.clock.now().toISOString(), summary });
    deps.logger.info('job finished', { job, runId, attempt, summary });
    return { runId, status: 'SUCCEEDED', summary, attempt };
  } catch (error) {
    const summary = { error: error instanceof Error ? error.name : 'Error', ...(error instanceof ItemsFailed ? error.summary : {}) };
    await deps.store.jobRuns.finish(job, runId, { status: 'FAILED', finishedAt: deps.clock.now().toISOString(), summary });
    deps.logger.error('job failed', { job, runId, errorName: (error as Error)?.name, errorMessage: (error as Error)?.message });
    throw error;
  }
};
