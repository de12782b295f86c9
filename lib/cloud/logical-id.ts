import { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The logical id of a construct's CloudFormation resource, as cdk-nag prints it in a finding
 * (`Resource::<TableCD117FA1.Arn>/index/*`), so an acknowledgment names exactly one resource.
 */
export const logicalIdOf = (construct: IConstruct): string => {
  const child = construct.node.defaultChild;
  if (!CfnElement.isCfnElement(child)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(child).resolve(child.logicalId) as string;
};
