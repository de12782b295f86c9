import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { functionGroups, jobs, type FunctionGroupName } from '../../functions/wiring.js';
import { GroupFunction, type SharedResources } from './group-function.js';

/** Entry paths in wiring are relative to the project root, wherever the CDK app runs from. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const isJobGroup = (name: FunctionGroupName): boolean => jobs.some((job) => job.group === name);

/** One Lambda function per entry of `functionGroups`: its own bundle, role and log group. */
export class LibraryFunctions extends Construct {
  readonly groups: Readonly<Record<FunctionGroupName, GroupFunction>>;

  constructor(scope: Construct, id: string, resources: SharedResources) {
    super(scope, id);
    const groups = {} as Record<FunctionGroupName, GroupFunction>;
    for (const [name, group] of Object.entries(functionGroups) as [FunctionGroupName, (typeof functionGroups)[FunctionGroupName]][]) {
      groups[name] = new GroupFunction(this, name, {
        name,
        entry: group.entry,
        description: group.description,
        permissions: group.permissions,
        kind: isJobGroup(name) ? 'job' : 'api',
        projectRoot,
        resources,
      });
    }
    this.groups = groups;
  }

  fn(name: FunctionGroupName): IFunction {
    return this.groups[name].function;
  }
}
