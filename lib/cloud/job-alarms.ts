import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JobName } from '../../functions/wiring.js';

export interface JobAlarmsProps {
  readonly jobFunctions: Readonly<Record<JobName, IFunction>>;
  readonly deadLetterQueue: IQueue;
  /** Who is told (context `alarmEmail`); without it the topic exists for a later subscription. */
  readonly alarmEmail?: string;
}

/**
 * Someone is told when a job did not do its work: a run that failed (the job's function
 * ends in an error: an item failed, or it threw) or did not finish (a timeout is an error
 * too), and a trigger that never reached its job (the dead-letter queue). Each alarm goes to
 * one SNS topic; docs/operations.md says what to do about each.
 */
export class JobAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: JobAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Library service alarms',
      enforceSSL: true,
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const notify = new SnsAction(this.topic);

    for (const [job, fn] of Object.entries(props.jobFunctions)) {
      const alarm = new Alarm(this, `${job}-failed`, {
        alarmDescription: `A ${job} run failed or did not finish (its function ended in an error). GET /admin/jobs/${job}/runs shows the run; its retry or the next run redoes the work.`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
    }

    const undelivered = new Alarm(this, 'undelivered-job-triggers', {
      alarmDescription: 'A scheduled or requested job run never reached its function (job dead-letter queue). Run the job from the staff console.',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    undelivered.addAlarmAction(notify);
  }
}
