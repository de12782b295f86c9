import * as z from 'zod/mini';
import { contract } from './route-contract.js';
import { instant } from './views/common.js';

export const ClockBody = z.object({
  now: z.nullable(z.iso.datetime({ offset: true })).check(z.describe("The service's new time (ISO 8601 with an offset), or null to follow the real clock again.")),
});
export const ClockAnswer = z.object({
  now: instant,
  fired: z
    .array(z.object({ job: z.string(), schedule: z.string(), scheduledTime: instant }))
    .check(z.describe('The scheduled job runs the jump passed, run in order (SPEC 8).')),
});

/** `limit`: 1–1,000, default 100; anything else is clamped or ignored. */
export const EventsQuery = z.object({ limit: z.optional(z.string()) });
export const LocalEvent = z.object({
  id: z.string(),
  time: instant,
  source: z.string(),
  detailType: z.string(),
  detail: z.record(z.string(), z.unknown()).check(z.describe('As published (SPEC 9; the events document describes each detail-type).')),
});

export const FeedbackBody = z.object({
  email: z.string().check(z.trim(), z.maxLength(254)),
  type: z.enum(['Bounce', 'Complaint']),
  bounceType: z.optional(z.enum(['Permanent', 'Transient'])),
});
export type FeedbackBody = z.output<typeof FeedbackBody>;
export const FeedbackAnswer = z.object({
  source: z.string(),
  detailType: z.string(),
  eventId: z.string(),
  marked: z.number().check(z.describe('Profiles the mail-feedback handler marked BOUNCING (SPEC 10.4).')),
});

const localOnly = 'Local stack only (SPEC 7); never deployed. Answers 404 where the local services are absent.';

/** The contracts of the local routes (SPEC 7): the local stack's test controls. */
export const localContracts = {
  'PUT /admin/local/clock': contract({
    summary: 'Set the service’s clock',
    description: `${localOnly} Jobs scheduled between the old and the new time run, in order, before the answer.`,
    body: ClockBody,
    responses: { 200: ClockAnswer },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'GET /admin/local/events': contract({
    summary: 'The latest events on the local bus, newest first',
    description: `${localOnly} \`limit\` 1–1,000 (default 100). The outbox is relayed first, so a change's events are there once it has answered.`,
    query: EventsQuery,
    responses: { 200: z.array(LocalEvent) },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'POST /admin/local/mail-feedback': contract({
    summary: 'Simulate an SES bounce or complaint',
    description: `${localOnly} Puts what SES would publish for the address on the local bus (SPEC 10.4) and answers once the handler applied it.`,
    body: FeedbackBody,
    responses: { 200: FeedbackAnswer },
    errors: { 404: ['NOT_FOUND'] },
  }),
} as const;
