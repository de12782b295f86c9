import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { countMetrics, JOB_RUN_DURATION, METRICS_NAMESPACE } from '../../functions/common/metrics.js';
import { functionGroups, jobs } from '../../functions/wiring.js';
import { buildApp, cdkJsonContext } from '../../lib/cloud/app.js';
import { observabilityThresholds } from '../../lib/cloud/observability.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
type Resources = Record<string, { Type: string; Properties: any }>;

const ALARM_EMAIL = 'ops@library-mito.jp';
let resources: Resources;
let app: ReturnType<typeof buildApp>['app'];

// Bundling skipped (a placeholder stands in for each function's code): only the wiring counts here.
beforeAll(() => {
  const built = buildApp({ context: { ...cdkJsonContext(), alarmEmail: ALARM_EMAIL, 'aws:cdk:bundling-stacks': [] } });
  app = built.app;
  resources = Template.fromStack(built.stack).toJSON().Resources as Resources;
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const refId = (value: any): string | undefined => value?.['Fn::GetAtt']?.[0] ?? value?.Ref;
const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
const functionIdOf = (service: string) =>
  ofType('AWS::Lambda::Function').find(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service)?.[0];
const topicId = () => ofType('AWS::SNS::Topic')[0]?.[0];
/** The metrics a metric-math alarm reads, by id. */
const mathInputs = (alarm: any) => Object.fromEntries((alarm.Metrics as any[]).filter((m) => m.MetricStat).map((m) => [m.Id, m.MetricStat.Metric]));

describe('Operations: alarms reach the operators', () => {
  it('context alarmEmail subscribes that address to the alarm topic, and every alarm notifies the topic', () => {
    const subscriptions = ofType('AWS::SNS::Subscription').map(([, s]) => s.Properties);
    expect(subscriptions).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: ALARM_EMAIL, TopicArn: { Ref: topicId() } })]);
    for (const alarm of alarms()) expect(alarm.AlarmActions.map(refId), alarm.AlarmDescription).toEqual([topicId()]);
  });

  it('each API function alarms on its first error (a crash or timeout, not an answered error)', () => {
    for (const group of ['public-api', 'patron-api', 'staff-api']) {
      const fnId = functionIdOf(group);
      const onIt = alarms().filter((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === 'Errors' && refId(a.Dimensions[0].Value) === fnId);
      expect(onIt, group).toEqual([expect.objectContaining({ Threshold: 1, Statistic: 'Sum', Period: 300, ComparisonOperator: 'GreaterThanOrEqualToThreshold' })]);
    }
  });

  it(`the API's 5xx share alarms at ${observabilityThresholds.api5xxPercent} % for two 5-minute periods, ignoring quiet periods`, () => {
    const [apiId] = ofType('AWS::ApiGatewayV2::Api')[0]!;
    const rate = alarms().find((a) => (a.Metrics as any[] | undefined)?.some((m) => /100 \* errors \/ requests/.test(m.Expression ?? '')));
    expect(rate).toMatchObject({ Threshold: observabilityThresholds.api5xxPercent, EvaluationPeriods: 2, TreatMissingData: 'notBreaching' });
    const inputs = mathInputs(rate);
    expect(inputs.errors).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }] });
    expect(inputs.requests).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Count' });
  });

  it('a throttle of any of the functions alarms', () => {
    const throttles = alarms().find((a) => (a.Metrics as any[] | undefined)?.some((m) => m.MetricStat?.Metric.MetricName === 'Throttles'));
    expect(throttles).toMatchObject({ Threshold: 1 });
    const watched = Object.values(mathInputs(throttles)).map((metric: any) => refId(metric.Dimensions[0].Value));
    expect(watched.sort()).toEqual(Object.keys(functionGroups).map(functionIdOf).sort());
  });

  it('SES bounce and complaint rates alarm before SES would review the account (5 %, 0.1 %)', () => {
    const ses = alarms().filter((a) => a.Namespace === 'AWS/SES');
    expect(ses.map((a) => [a.MetricName, a.Threshold]).sort()).toEqual([
      ['Reputation.BounceRate', observabilityThresholds.sesBounceRate],
      ['Reputation.ComplaintRate', observabilityThresholds.sesComplaintRate],
    ]);
    for (const alarm of ses) expect(alarm.Threshold).toBeLessThan(alarm.MetricName === 'Reputation.BounceRate' ? 0.05 : 0.001);
  });

  it('SPEC 12: a spike of failed logins (the LoginsFailed metric the functions emit) alarms', () => {
    const spike = alarms().find((a) => a.Namespace === METRICS_NAMESPACE && a.MetricName === 'LoginsFailed');
    expect(spike).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: observabilityThresholds.failedLoginsPer5Minutes });
  });
});

describe('Operations: one dashboard', () => {
  it('graphs the API, every function, every business metric, each job duration, SES reputation and the dead letters', () => {
    const dashboards = ofType('AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]![1].Properties.DashboardBody);
    for (const name of [...countMetrics, JOB_RUN_DURATION, '5xx', 'Latency', 'Throttles', 'Reputation.BounceRate', 'ApproximateNumberOfMessagesVisible'])
      expect(body, name).toContain(`\\"${name}\\"`);
    for (const job of jobs) expect(body, job.name).toContain(`\\"${job.name}\\"`);
  });

  it('cdk-nag AwsSolutions finds nothing in the alarms, the subscription and the dashboard', () => {
    const { violations } = new AwsSolutionsChecks().validateScope(app);
    expect(violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
