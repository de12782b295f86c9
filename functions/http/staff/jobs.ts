import { AppError } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { events, isJobName, type JobInvocation } from '../../wiring.js';
import { newRunId } from '../../jobs/run-id.js';
import type { JobRunView, RunRequestedAnswer } from '../../contract/views/staff-jobs.js';

const jobFrom = (params: Readonly<Record<string, string | undefined>>) => {
  const job = params.job ?? '';
  if (!isJobName(job)) throw new AppError(404, 'NOT_FOUND', { field: 'job' });
  return job;
};

/** POST /admin/jobs/{job}/run (SPEC 5.3, 9): the request travels over the bus to the job. */
export const runJobNow: RouteHandler = async (request, deps) => {
  const job = jobFrom(request.params);
  const now = deps.clock.now();
  const runId = newRunId(now);
  await deps.store.jobRuns.request({ runId, job, trigger: 'manual', requestedAt: now.toISOString(), status: 'REQUESTED' }, now);
  const invocation: JobInvocation = { job, trigger: 'manual', runId };
  await deps.events.publish(events.detailTypes.jobRunRequested, { ...invocation });
  return ok({ runId } satisfies RunRequestedAnswer, 202);
};

/** GET /admin/jobs/{job}/runs: newest first. */
export const listJobRuns: RouteHandler = async (request, deps) => {
  const job = jobFrom(request.params);
  const runs = await deps.store.jobRuns.recent(job);
  return ok(
    runs.map(
      (run): JobRunView => ({
        runId: run.runId,
        trigger: run.trigger,
        schedule: run.schedule ?? null,
        scheduledTime: run.scheduledTime ?? null,
        requestedAt: run.requestedAt ?? null,
        startedAt: run.startedAt ?? null,
        finishedAt: run.finishedAt ?? null,
        status: run.status,
        summary: run.summary ?? null,
        attempts: run.attempts ?? (run.startedAt ? 1 : 0),
      }),
    ),
  );
};
