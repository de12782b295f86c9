import { Duration } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { events, jobs, type JobName } from '../../functions/wiring.js';

/** SPEC 9: the library's bus. Hold and loan events are published here for other systems. */
export class LibraryEventBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { description: 'Library hold, loan and job events (SPEC 9)' });
  }
}

export interface JobRunRulesProps {
  readonly bus: EventBus;
  readonly jobFunctions: Readonly<Record<JobName, IFunction>>;
  readonly deadLetterQueue: IQueue;
}

/**
 * Staff "run now" (POST /admin/jobs/{job}/run) publishes JobRunRequested with the job's
 * name in its detail; one rule per job delivers it to that job's function.
 */
export class JobRunRules extends Construct {
  readonly rules: Readonly<Record<JobName, Rule>>;

  constructor(scope: Construct, id: string, props: JobRunRulesProps) {
    super(scope, id);
    const rules = {} as Record<JobName, Rule>;
    for (const job of jobs) {
      rules[job.name] = new Rule(this, job.name, {
        eventBus: props.bus,
        description: `Staff run-now requests for ${job.name}`,
        eventPattern: {
          source: [events.source],
          detailType: [events.detailTypes.jobRunRequested],
          detail: { job: [job.name] },
        },
        targets: [
          new LambdaFunction(props.jobFunctions[job.group], {
            deadLetterQueue: props.deadLetterQueue,
            retryAttempts: 2,
            maxEventAge: Duration.hours(1),
          }),
        ],
      });
    }
    this.rules = rules;
  }
}
