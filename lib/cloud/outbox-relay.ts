import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { outboxRelay } from '../../functions/wiring.js';

export interface OutboxRelayProps {
  readonly table: ITable;
  readonly relay: IFunction;
  readonly alarmTopic: ITopic;
}

/**
 * Decision 014: the table's stream, filtered to new outbox items, drives the relay function,
 * which puts their events on the bus. A failed event is retried from that record on (the
 * relay reports it as the batch item failure) until the stream's 24 hours run out; what
 * could not be delivered by then is recorded in a dead-letter queue, which raises an alarm,
 * as does an iterator falling behind.
 */
export class OutboxRelay extends Construct {
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'Undelivered', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of the outbox relay.',
    });

    props.relay.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: outboxRelay.batchSize,
        maxBatchingWindow: Duration.seconds(0),
        reportBatchItemFailures: true,
        retryAttempts: 10_000,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual(outboxRelay.recordType) } } },
          }),
        ],
      }),
    );

    const policy = props.relay.role?.node.tryFindChild('DefaultPolicy');
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: "dynamodb:ListStreams (added by the stream trigger) has no resource-level permissions; reading records is granted on this table's stream only.",
      });
    }

    const notify = new SnsAction(props.alarmTopic);
    const behind = new Alarm(this, 'EventsBehind', {
      alarmDescription:
        'Hold and loan events reach the bus more than 5 minutes late (outbox relay failing or throttled). They are retried for 24 hours; see docs/operations.md.',
      metric: props.relay.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 300_000,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    behind.addAlarmAction(notify);
    const undelivered = new Alarm(this, 'EventsUndelivered', {
      alarmDescription: 'Hold or loan events could not be put on the bus within 24 hours (outbox dead-letter queue). See docs/operations.md.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    undelivered.addAlarmAction(notify);
  }
}
