/**
 * Business metrics (docs/operations.md): counts and job durations, written as CloudWatch
 * embedded metric format (EMF) lines on stdout, which CloudWatch turns into metrics of the
 * namespace below without an API call or a dependency. Use cases and jobs emit them through
 * `deps.metrics`; domain functions never do. Ids only, as in logs: a metric has no names.
 */
export const METRICS_NAMESPACE = 'LibraryReservations';

export const countMetrics = [
  'HoldsPlaced',
  'HoldsRegistered',
  'HoldsCancelled',
  'MailsSent',
  'MailsFailed',
  // SPEC 10.4: what SES reported back about sent mail (functions/use-cases/mail-feedback.ts).
  'MailsDelivered',
  'MailsBounced',
  'MailsBouncedTransient',
  'MailComplaints',
  'LoginsFailed',
  'AccountsLocked',
] as const;
export type CountMetric = (typeof countMetrics)[number];

/** Milliseconds a job run took, with the dimension `job`. */
export const JOB_RUN_DURATION = 'JobRunDuration';

export interface Metrics {
  count(name: CountMetric, value?: number): void;
  jobRunDuration(job: string, milliseconds: number): void;
}

export const noMetrics: Metrics = { count: () => undefined, jobRunDuration: () => undefined };

type Line = (text: string) => void;

/** EMF lines (one per value) for Lambda, whose stdout goes to CloudWatch Logs. */
export const emfMetrics = (write: Line = (text) => void process.stdout.write(`${text}\n`), now: () => number = Date.now): Metrics => {
  const emit = (name: string, value: number, unit: 'Count' | 'Milliseconds', dimensions: Record<string, string>) =>
    write(
      JSON.stringify({
        _aws: {
          Timestamp: now(),
          CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [Object.keys(dimensions)], Metrics: [{ Name: name, Unit: unit }] }],
        },
        ...dimensions,
        [name]: value,
      }),
    );
  return {
    count: (name, value = 1) => {
      if (value > 0) emit(name, value, 'Count', {});
    },
    jobRunDuration: (job, milliseconds) => emit(JOB_RUN_DURATION, Math.round(milliseconds), 'Milliseconds', { job }),
  };
};

export interface RecordedMetric {
  readonly name: string;
  readonly value: number;
  readonly job?: string;
}

const KEPT = 1_000;

/** Keeps what was emitted, the last thousand values and every total (the local stack and tests). */
export type CapturingMetrics = Metrics & { readonly recorded: RecordedMetric[]; total(name: string): number };

export const capturingMetrics = (): CapturingMetrics => {
  const recorded: RecordedMetric[] = [];
  const totals = new Map<string, number>();
  const record = (metric: RecordedMetric) => {
    recorded.push(metric);
    if (recorded.length > KEPT) recorded.shift();
    totals.set(metric.name, (totals.get(metric.name) ?? 0) + metric.value);
  };
  return {
    recorded,
    count: (name, value = 1) => {
      if (value > 0) record({ name, value });
    },
    jobRunDuration: (job, milliseconds) => record({ name: JOB_RUN_DURATION, value: milliseconds, job }),
    total: (name) => totals.get(name) ?? 0,
  };
};
