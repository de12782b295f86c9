import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TextWidget, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { JOB_RUN_DURATION, METRICS_NAMESPACE, type CountMetric } from '../../functions/common/metrics.js';
import type { ApiGroupName, FunctionGroupName, JobName } from '../../functions/wiring.js';

export interface ObservabilityProps {
  readonly topic: ITopic;
  readonly api: HttpApi;
  readonly apiFunctions: Readonly<Record<ApiGroupName, IFunction>>;
  /** Every function of the stack (throttles, the dashboard). */
  readonly functions: Readonly<Record<FunctionGroupName, IFunction>>;
  readonly jobs: readonly JobName[];
  readonly deadLetterQueue: IQueue;
}

/** Thresholds, named for docs/operations.md (the runbook quotes them). */
export const observabilityThresholds = {
  /** Share of API answers that are 5xx, over 5 minutes, with at least `minRequests` requests. */
  api5xxPercent: 5,
  api5xxMinRequests: 20,
  /** Failed password checks in 5 minutes, all accounts together (a guessing run). */
  failedLoginsPer5Minutes: 50,
  /** SES reviews an account at 5 % bounces and 0.1 % complaints: alarm a little before. */
  sesBounceRate: 0.04,
  sesComplaintRate: 0.0008,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

const businessMetric = (name: CountMetric | typeof JOB_RUN_DURATION, statistic = 'Sum', dimensionsMap?: Record<string, string>) =>
  new Metric({ namespace: METRICS_NAMESPACE, metricName: name, statistic, period: FIVE_MINUTES, ...(dimensionsMap ? { dimensionsMap } : {}) });

const sesReputation = (name: 'Reputation.BounceRate' | 'Reputation.ComplaintRate') =>
  new Metric({ namespace: 'AWS/SES', metricName: name, statistic: 'Maximum', period: Duration.minutes(15) });

/**
 * Watching production (docs/operations.md is the runbook): alarms to the one alarm topic on
 * errors of each API function, the API's 5xx share, throttled functions, SES bounce and
 * complaint rates and a spike of failed logins; and one dashboard with the key graphs.
 * The job alarms are in job-alarms.ts, the outbox relay's in outbox-relay.ts.
 */
export class Observability extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const notify = new SnsAction(props.topic);
    const alarm = (name: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const created = new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      return created;
    };

    for (const [group, fn] of Object.entries(props.apiFunctions)) {
      alarm(
        `${group}-errors`,
        `The ${group} function ended in an error (crash or timeout, not an answered 4xx/5xx). See docs/operations.md "API function errors".`,
        fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
      );
    }

    const t = observabilityThresholds;
    const requests = props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const serverErrors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const errorShare = new MathExpression({
      expression: `IF(requests >= ${t.api5xxMinRequests}, 100 * errors / requests, 0)`,
      usingMetrics: { requests, errors: serverErrors },
      label: 'API 5xx %',
      period: FIVE_MINUTES,
    });
    alarm('api-5xx-rate', `At least ${t.api5xxPercent} % of API answers were 5xx for 10 minutes. See docs/operations.md "API 5xx rate".`, errorShare, t.api5xxPercent, 2);

    const fnEntries = Object.entries(props.functions);
    const throttleMetrics = Object.fromEntries(fnEntries.map(([, fn], i) => [`t${i}`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })]));
    const throttles = new MathExpression({
      expression: Object.keys(throttleMetrics).join(' + '),
      usingMetrics: throttleMetrics,
      label: 'Throttled invocations',
      period: FIVE_MINUTES,
    });
    alarm('lambda-throttles', 'A function was throttled (its reserved concurrency was full). See docs/operations.md "Lambda throttles".', throttles, 1);

    alarm(
      'ses-bounce-rate',
      `The account's SES bounce rate reached ${t.sesBounceRate * 100} % (SES reviews at 5 %). See docs/operations.md "SES bounce rate".`,
      sesReputation('Reputation.BounceRate'),
      t.sesBounceRate,
    );
    alarm(
      'ses-complaint-rate',
      `The account's SES complaint rate reached ${t.sesComplaintRate * 100} % (SES reviews at 0.1 %). See docs/operations.md "SES complaint rate".`,
      sesReputation('Reputation.ComplaintRate'),
      t.sesComplaintRate,
    );
    alarm(
      'failed-logins-spike',
      `At least ${t.failedLoginsPer5Minutes} failed password checks in 5 minutes (metric LoginsFailed). See docs/operations.md "Failed logins spike".`,
      businessMetric('LoginsFailed'),
      t.failedLoginsPer5Minutes,
    );

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(24) });
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 12, height: 6 });
    const perFunction = (metricOf: (fn: IFunction) => Metric) => fnEntries.map(([name, fn]) => metricOf(fn).with({ label: name }));
    this.dashboard.addWidgets(new TextWidget({ markdown: '# Library reservations\nAlarms and what to do: docs/operations.md (runbook).', width: 24, height: 2 }));
    this.dashboard.addWidgets(
      graph(
        'API requests and 5xx',
        [requests.with({ label: 'requests' })],
        [serverErrors.with({ label: '5xx' }), props.api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }).with({ label: '4xx' })],
      ),
      graph('API latency p95 (ms)', [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p95' })]),
    );
    this.dashboard.addWidgets(
      graph(
        'Function errors',
        perFunction((fn) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })),
      ),
      graph(
        'Function throttles',
        perFunction((fn) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Holds',
        (['HoldsPlaced', 'HoldsRegistered', 'HoldsCancelled'] as const).map((name) => businessMetric(name)),
      ),
      graph('Logins', [businessMetric('LoginsFailed')], [businessMetric('AccountsLocked')]),
    );
    this.dashboard.addWidgets(
      graph('Mails', [businessMetric('MailsSent'), businessMetric('MailsFailed')]),
      graph('SES reputation', [sesReputation('Reputation.BounceRate'), sesReputation('Reputation.ComplaintRate')]),
    );
    this.dashboard.addWidgets(
      graph(
        'Mail feedback (SES events)',
        (['MailsDelivered', 'MailsBounced', 'MailsBouncedTransient', 'MailComplaints'] as const).map((name) => businessMetric(name)),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Job run duration (ms, max)',
        props.jobs.map((job) => businessMetric(JOB_RUN_DURATION, 'Maximum', { job }).with({ label: job })),
      ),
      graph('Job triggers not delivered', [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' })]),
    );
  }
}
