import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionGroups, type FunctionGroupName } from '../../functions/wiring.js';
import { buildApp, cdkJsonContext } from '../../lib/cloud/app.js';
import { accountConcurrency, checkReservations } from '../../lib/cloud/functions.js';

/**
 * The edge (docs/decisions/012-edge.md): reserved concurrency per function. Bundling is skipped:
 * these are template properties (test/infra/stack.test.ts synthesizes with bundling and cdk-nag).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
interface Resource {
  readonly Type: string;
  readonly Properties: any;
}

let main: Record<string, Resource>;

beforeAll(() => {
  const { stack } = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  main = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
});

const ofType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const groupNames = Object.keys(functionGroups) as FunctionGroupName[];
const functionOf = (group: FunctionGroupName): Resource => {
  const found = ofType(main, 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === group);
  expect(found, group).toHaveLength(1);
  return found[0]![1];
};

describe('reserved concurrency (functions/wiring.ts)', () => {
  it('every function group has its declared ReservedConcurrentExecutions', () => {
    for (const group of groupNames) {
      expect(functionOf(group).Properties.ReservedConcurrentExecutions, group).toBe(functionGroups[group].reservedConcurrency);
    }
  });

  it('the counter and every job get a floor of their own; the public functions cannot take it', () => {
    const of = (group: FunctionGroupName) => functionGroups[group].reservedConcurrency;
    for (const group of groupNames) expect(of(group), group).toBeGreaterThanOrEqual(1);
    expect(of('staff-api')).toBeGreaterThanOrEqual(20);
    for (const job of ['hold-registration', 'pickup-notices', 'hold-expiry', 'search-index'] as const) expect(of(job), job).toBeGreaterThanOrEqual(2);
  });

  it('leaves at least 100 of the account default of 1,000 unreserved; more reservations stop synthesis', () => {
    const reserved = groupNames.reduce((sum, group) => sum + functionGroups[group].reservedConcurrency, 0);
    expect(reserved).toBe(258);
    expect(accountConcurrency).toEqual({ quota: 1000, minimumUnreserved: 100 });
    expect(accountConcurrency.quota - reserved).toBeGreaterThanOrEqual(accountConcurrency.minimumUnreserved);
    expect(() => checkReservations({ a: { reservedConcurrency: 450 }, b: { reservedConcurrency: 450 } })).not.toThrow();
    expect(() => checkReservations({ a: { reservedConcurrency: 450 }, b: { reservedConcurrency: 451 } })).toThrow(/reserves 901 .* at most 900 of 1000/);
  });
});
