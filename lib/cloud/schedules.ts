import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { jobs, type JobInvocation, type JobName } from '../../functions/wiring.js';
import { toEventBridgeCron } from './cron.js';
import { logicalIdOf } from './logical-id.js';

export interface JobSchedulesProps {
  readonly jobFunctions: Readonly<Record<JobName, IFunction>>;
  readonly deadLetterQueue: IQueue;
}

/**
 * SPEC 8: one EventBridge Scheduler schedule per schedule of each job in functions/wiring.ts,
 * in Asia/Tokyo. The target input is the job's JobInvocation with Scheduler's own scheduled
 * time, which the job uses as its "now" and, with the schedule name, as its run id, so a
 * duplicate delivery is recognised.
 */
export class JobSchedules extends Construct {
  readonly schedules: readonly Schedule[];

  constructor(scope: Construct, id: string, props: JobSchedulesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const schedules: Schedule[] = [];

    for (const job of jobs) {
      const fn = props.jobFunctions[job.group];
      // One role per job, assumable only by this account's Scheduler, invoking only that function.
      const role = new Role(this, `${job.name}-role`, {
        description: `EventBridge Scheduler: invoke the ${job.name} job`,
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
        }),
      });

      for (const schedule of job.schedules) {
        const input: Required<Pick<JobInvocation, 'job' | 'trigger' | 'schedule' | 'scheduledTime'>> = {
          job: job.name,
          trigger: 'schedule',
          schedule: schedule.name,
          scheduledTime: ContextAttribute.scheduledTime,
        };
        schedules.push(
          new Schedule(this, `${job.name}-${schedule.name}`, {
            description: `${job.name}: ${schedule.name} (${schedule.cron} ${schedule.timeZone})`,
            schedule: ScheduleExpression.expression(toEventBridgeCron(schedule.cron), TimeZone.of(schedule.timeZone)),
            timeWindow: TimeWindow.off(),
            target: new LambdaInvoke(fn, {
              role,
              input: ScheduleTargetInput.fromObject(input),
              deadLetterQueue: props.deadLetterQueue,
              retryAttempts: 3,
              // A run delivered much later than planned would act on a stale "now".
              maxEventAge: Duration.hours(1),
            }),
          }),
        );
      }
      // LambdaInvoke grants `<function ARN>` and `<function ARN>:*` (its versions and aliases).
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(fn)}.Arn>:*]`,
        reason: `Invoke on the versions and aliases of the ${job.name} function only; no other function.`,
      });
    }
    this.schedules = schedules;
  }
}
