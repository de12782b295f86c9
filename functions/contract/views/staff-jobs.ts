import * as z from 'zod/mini';
import { jobs } from '../../wiring.js';
import { instant } from './common.js';

/** SPEC 8: the jobs staff may run and whose runs they may read; another name answers 404. */
export const JobName = z.enum(jobs.map((j) => j.name));
export const JobParams = z.object({ job: JobName });

/** POST /admin/jobs/{job}/run: the run requested (it travels over the bus, SPEC 9). */
export const RunRequested = z.object({ runId: z.string() });

/** One run of a job, as GET /admin/jobs/{job}/runs lists them (newest first). */
export const JobRun = z.object({
  runId: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  schedule: z.nullable(z.string()).check(z.describe("The schedule's name (wiring.ts), for scheduled runs.")),
  scheduledTime: z.nullable(instant).check(z.describe('The time the scheduler meant the run for: the run\'s "now".')),
  requestedAt: z.nullable(instant),
  startedAt: z.nullable(instant),
  finishedAt: z.nullable(instant),
  status: z.enum(['REQUESTED', 'RUNNING', 'SUCCEEDED', 'FAILED']),
  summary: z
    .nullable(z.record(z.string(), z.unknown()))
    .check(z.describe("What the job reports (counts, the continuation it requested, an error's name): its own shape.")),
  attempts: z.number().check(z.int()).check(z.describe('How many times the run started (a continuation or a retry starts it again).')),
});

export type JobNameValue = z.output<typeof JobName>;
export type RunRequestedAnswer = z.output<typeof RunRequested>;
export type JobRunView = z.output<typeof JobRun>;
