import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { functionGroups, jobs, mailFeedback, outboxRelay, type FunctionGroupName } from '../../functions/wiring.js';
import { GroupFunction, type FunctionKind, type SharedResources } from './group-function.js';

/** Entry paths in wiring are relative to the project root, wherever the CDK app runs from. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export const kindOf = (name: FunctionGroupName): FunctionKind => {
  if (jobs.some((job) => job.group === name)) return 'job';
  if (name === mailFeedback.group) return 'event';
  return name === outboxRelay.group ? 'stream' : 'api';
};

/**
 * Lambda's default concurrency quota per account and region, and the part of it that must stay
 * unreserved (Lambda refuses a reservation that leaves less). An account whose quota is still
 * lower (new accounts may start lower) must have it raised before deploying.
 */
export const accountConcurrency = { quota: 1000, minimumUnreserved: 100 } as const;

/** Throws when the reservations of `groups` would leave less unreserved concurrency than Lambda allows. */
export const checkReservations = (groups: Readonly<Record<string, { readonly reservedConcurrency: number }>> = functionGroups): void => {
  const reserved = Object.values(groups).reduce((sum, group) => sum + group.reservedConcurrency, 0);
  const available = accountConcurrency.quota - accountConcurrency.minimumUnreserved;
  if (reserved > available) {
    throw new Error(`functions/wiring.ts reserves ${reserved} concurrent executions; at most ${available} of ${accountConcurrency.quota} can be reserved`);
  }
};

/** One Lambda function per entry of `functionGroups`: its own bundle, role and log group. */
export class LibraryFunctions extends Construct {
  readonly groups: Readonly<Record<FunctionGroupName, GroupFunction>>;

  constructor(scope: Construct, id: string, resources: SharedResources) {
    super(scope, id);
    checkReservations();
    const groups = {} as Record<FunctionGroupName, GroupFunction>;
    for (const [name, group] of Object.entries(functionGroups) as [FunctionGroupName, (typeof functionGroups)[FunctionGroupName]][]) {
      groups[name] = new GroupFunction(this, name, {
        name,
        entry: group.entry,
        description: group.description,
        permissions: group.permissions,
        kind: kindOf(name),
        memoryMB: 'memoryMB' in group ? group.memoryMB : undefined,
        timeoutMinutes: 'timeoutMinutes' in group ? group.timeoutMinutes : undefined,
        projectRoot,
        resources,
      });
      // Reserved concurrency from the same table of wiring (floor and ceiling, decision 012).
      (groups[name].function.node.defaultChild as CfnFunction).reservedConcurrentExecutions = group.reservedConcurrency;
    }
    this.groups = groups;
  }

  /**
   * The API functions answer only requests that carry CloudFront's origin header: each may read
   * the secret and gets its ARN (functions/common/http/origin-verify.ts). Jobs and the relay get neither.
   */
  checkOrigin(secret: ISecret): void {
    for (const [name, group] of Object.entries(this.groups) as [FunctionGroupName, GroupFunction][]) {
      if (kindOf(name) !== 'api') continue;
      secret.grantRead(group.role);
      group.function.addEnvironment('ORIGIN_VERIFY_SECRET_ARN', secret.secretArn);
    }
  }

  fn(name: FunctionGroupName): IFunction {
    return this.groups[name].function;
  }
}
