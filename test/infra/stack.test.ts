import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { App, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../bin/build-web.js';
import { buildApp, cdkJsonContext } from '../../lib/cloud/app.js';
import { toEventBridgeCron } from '../../lib/cloud/cron.js';
import type { LibraryStack } from '../../lib/cloud/stack.js';
import { OriginVerifySecret } from '../../lib/cloud/origin-verify.js';
import { apiPathPatterns, staffIndexFunctionCode, WebApps } from '../../lib/cloud/web.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../lib/security-headers.js';
import {
  deployedRoutes,
  events,
  fallbackGroup,
  functionGroups,
  jobs,
  outboxRelay,
  routeKey,
  tableDefinition,
  type FunctionGroupName,
  type FunctionPermissions,
} from '../../functions/wiring.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
interface Resource {
  readonly Type: string;
  readonly Properties: any;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}
interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Effect: string;
  readonly Condition?: unknown;
}

let app: App;
let stack: LibraryStack;
let template: Template;
let resources: Record<string, Resource>;

// One synthesis (with bundling and cdk-nag) for the whole file; the stack uploads web/dist.
beforeAll(async () => {
  await buildWeb();
  ({ app, stack } = buildApp({ context: cdkJsonContext() }));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const single = (type: string): [string, Resource] => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
/** `{ 'Fn::GetAtt': [id, 'Arn'] }` or `{ Ref: id }` → id */
const refId = (value: any): string | undefined => value?.['Fn::GetAtt']?.[0] ?? value?.Ref;
/** Every logical id a (possibly joined) CloudFormation value mentions. */
const mentionedIds = (value: unknown): string[] => {
  const ids: string[] = [];
  const walk = (v: any) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.Ref === 'string' && !v.Ref.startsWith('AWS::')) ids.push(v.Ref);
      if (Array.isArray(v['Fn::GetAtt'])) ids.push(v['Fn::GetAtt'][0]);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return [...new Set(ids)];
};
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const statementsOfRole = (roleId: string): Statement[] =>
  ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => refId(r) === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);

const tableId = () => single('AWS::DynamoDB::Table')[0];
const busId = () => single('AWS::Events::EventBus')[0];
/** The origin-verify secret (decision 012): the API functions read it besides their `permissions` (test/infra/edge.test.ts). */
const originVerifySecretId = () => refId(resources[functionIdOf('public-api')]!.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET_ARN)!;
const functionIdOf = (group: FunctionGroupName): string => {
  const found = ofType('AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === group);
  expect(found, group).toHaveLength(1);
  return found[0]![0];
};
const groupEntries = Object.entries(functionGroups) as [FunctionGroupName, { permissions: FunctionPermissions }][];
const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
/** What Lambda's DynamoDB stream trigger needs: reading the stream, sending failures to its queue. */
const isStreamTriggerStatement = (st: Statement) => actions(st).every((a) => STREAM_READ.includes(a) || a.startsWith('sqs:'));

describe('table (built from functions/store/table-definition.ts)', () => {
  it('has the declared keys, GSIs with ALL projection and TTL attribute', () => {
    const [, table] = single('AWS::DynamoDB::Table');
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      tableDefinition.indexes.map((i) => ({
        IndexName: i.indexName,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    for (const attribute of table.Properties.AttributeDefinitions) expect(attribute.AttributeType).toBe('S');
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.ttlAttribute, Enabled: true });
  });

  it('is on-demand, point-in-time recoverable, deletion-protected and retained', () => {
    const [, table] = single('AWS::DynamoDB::Table');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('functions: one per function group', () => {
  it('Node.js 22 on arm64, one per group, each logging to its own log group with retention', () => {
    // Besides ours, only the two handlers aws-cdk-lib adds for the web bucket (upload, auto-delete).
    expect(ofType('AWS::Lambda::Function')).toHaveLength(groupEntries.length + 2);
    for (const [group] of groupEntries) {
      const fn = resources[functionIdOf(group)]!;
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
      const logGroup = resources[refId(fn.Properties.LoggingConfig.LogGroup)!]!;
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(90);
    }
  });

  it('SPEC 4 at 1,000,000 titles (decision 020): search answers from a 1,769 MB function; the index rebuild has 4 GB and 15 minutes', () => {
    expect(resources[functionIdOf('public-api')]!.Properties).toMatchObject({ MemorySize: 1769, Timeout: 10 });
    expect(resources[functionIdOf('search-index')]!.Properties).toMatchObject({ MemorySize: 4096, Timeout: 900 });
    expect(resources[functionIdOf('hold-expiry')]!.Properties).toMatchObject({ MemorySize: 512, Timeout: 300 });
  });

  it('each bundle is an ESM index.mjs with the createRequire shim, built from its own entry', () => {
    for (const [group] of groupEntries) {
      // The staged asset directory is named after the hash that is also the S3 key.
      const s3Key = resources[functionIdOf(group)]!.Properties.Code.S3Key as string;
      const bundle = path.join(app.outdir, `asset.${s3Key.replace(/\.zip$/, '')}`, 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      expect(readFileSync(bundle, 'utf8')).toMatch(/^import\s*\{\s*createRequire as __createRequire\s*\}\s*from\s*['"]module['"]/);
    }
  });

  it('environment and IAM grants both follow `permissions` in wiring, and nothing more', () => {
    for (const [group, { permissions }] of groupEntries) {
      const fn = resources[functionIdOf(group)]!;
      const env = fn.Properties.Environment.Variables as Record<string, unknown>;
      const roleId = refId(fn.Properties.Role)!;
      const role = resources[roleId]!;
      // The outbox relay's stream trigger adds its own grants, checked in "outbox relay" below.
      const statements = statementsOfRole(roleId).filter((st) => !isStreamTriggerStatement(st));
      const all = statements.flatMap(actions);
      const resourcesOf = (prefix: string) =>
        [...new Set(statements.filter((s) => actions(s).some((a) => a.startsWith(prefix))).flatMap((s) => mentionedIds(s.Resource)))].filter(
          (id) => id !== originVerifySecretId(),
        );

      expect(role.Properties.ManagedPolicyArns, `${group}: no managed policies`).toBeUndefined();
      expect(JSON.stringify(statements), `${group}: no Resource "*"`).not.toMatch(/"Resource":"\*"/);
      expect(new Set(all.map((a) => a.split(':')[0])), group).toEqual(
        new Set([
          'logs',
          ...(permissions.table === 'none' ? [] : ['dynamodb']),
          ...(permissions.signingKeys?.length ? ['secretsmanager'] : []),
          ...(permissions.publishEvents?.length ? ['events'] : []),
          ...(permissions.sendMail ? ['ses'] : []),
        ]),
      );

      expect(resourcesOf('logs:'), group).toEqual([refId(fn.Properties.LoggingConfig.LogGroup)]);
      expect(resourcesOf('dynamodb:'), group).toEqual(permissions.table === 'none' ? [] : [tableId()]);
      expect(env.TABLE_NAME).toEqual({ Ref: tableId() });
      const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
      if (permissions.table === 'readWrite') for (const a of writes) expect(all, group).toContain(a);
      else if (permissions.table === 'outbox')
        expect(
          all.filter((a) => writes.includes(a)),
          group,
        ).toEqual(['dynamodb:DeleteItem']);
      else for (const a of writes) expect(all, group).not.toContain(a);

      const keyArns = (permissions.signingKeys ?? []).map((audience) => env[`${audience.toUpperCase()}_SIGNING_KEY_SECRET_ARN`]);
      expect(resourcesOf('secretsmanager:').sort(), group).toEqual(keyArns.map((arn) => refId(arn)).sort());
      for (const arn of keyArns) expect(resources[refId(arn)!]!.Type).toBe('AWS::SecretsManager::Secret');
      for (const name of Object.keys(env).filter((n) => n.endsWith('_SIGNING_KEY_SECRET_ARN'))) {
        expect(
          permissions.signingKeys?.map((a) => `${a.toUpperCase()}_SIGNING_KEY_SECRET_ARN`),
          group,
        ).toContain(name);
      }

      if (permissions.publishEvents?.length) {
        expect(all.filter((a) => a.startsWith('events:'))).toEqual(['events:PutEvents']);
        expect(resourcesOf('events:')).toEqual([busId()]);
        expect(env.EVENT_BUS_NAME).toEqual({ Ref: busId() });
        // SPEC 9 / issue 8.5: only its own detail-types, only from the library's source.
        const putEvents = statements.filter((st) => actions(st).includes('events:PutEvents'));
        expect(
          putEvents.map((st) => st.Condition),
          group,
        ).toEqual([{ StringEquals: { 'events:source': 'library', 'events:detail-type': [...permissions.publishEvents] } }]);
      } else expect(env.EVENT_BUS_NAME, group).toBeUndefined();

      if (permissions.sendMail) {
        expect(all.filter((a) => a.startsWith('ses:')).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
        // SPEC 10.4: sending through the configuration set is authorized on it too.
        expect(resourcesOf('ses:').sort()).toEqual([single('AWS::SES::EmailIdentity')[0], single('AWS::SES::ConfigurationSet')[0]].sort());
        expect(env).toMatchObject({ MAIL_FROM: 'central@library-mito.jp', MAIL_INQUIRY: 'chuou@library-mito.jp', SES_IDENTITY: 'library-mito.jp' });
        expect(env.MAIL_CONFIGURATION_SET, group).toEqual({ Ref: single('AWS::SES::ConfigurationSet')[0] });
      } else {
        expect(env.MAIL_FROM, group).toBeUndefined();
        expect(env.SES_IDENTITY, group).toBeUndefined();
      }
      expect(env).toMatchObject({ LOG_LEVEL: 'INFO', POWERTOOLS_SERVICE_NAME: group, LIBRARY_NAME: '水戸市立図書館' }); // context libraryName (SPEC 11 config)
    }
  });

  it("DynamoDB: each role has exactly the actions of its group's `table` permission, on the table and its indexes; nothing allows Scan", () => {
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
    const expected: Record<FunctionPermissions['table'], string[]> = {
      none: [],
      read,
      readWrite: [...read, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      outbox: ['dynamodb:DeleteItem'],
    };
    const tableArn = { 'Fn::GetAtt': [tableId(), 'Arn'] };
    for (const [group, { permissions }] of groupEntries) {
      const statements = statementsOfRole(refId(resources[functionIdOf(group)]!.Properties.Role)!);
      const tableStatements = statements.filter((s) => !isStreamTriggerStatement(s) && actions(s).some((a) => a.toLowerCase().startsWith('dynamodb:')));
      expect(tableStatements.flatMap(actions).sort(), group).toEqual([...expected[permissions.table]].sort());
      for (const s of tableStatements) {
        expect(s.Effect, group).toBe('Allow');
        if (permissions.table === 'outbox') {
          // The relay deletes what it published, and nothing whose key is not an outbox event's.
          expect(s.Resource, group).toEqual(tableArn);
          expect(s.Condition, group).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${outboxRelay.keyPrefix}*`] } });
        } else {
          expect(s.Resource, group).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
          expect(s.Condition, group).toBeUndefined();
        }
      }
    }

    // Every policy in the stack, whoever's role it is: no action (wildcards included) that covers Scan.
    const allStatements = [
      ...ofType('AWS::IAM::Policy').map(([, p]) => p.Properties.PolicyDocument),
      ...ofType('AWS::IAM::ManagedPolicy').map(([, p]) => p.Properties.PolicyDocument),
      ...ofType('AWS::IAM::Role').flatMap(([, r]) => ((r.Properties.Policies ?? []) as any[]).map((p) => p.PolicyDocument)),
    ].flatMap((document) => document.Statement as Statement[]);
    expect(allStatements.length).toBeGreaterThan(0);
    const covers = (pattern: string, action: string) =>
      new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      ).test(action);
    for (const statement of allStatements.filter((s) => s.Effect === 'Allow')) {
      for (const action of actions(statement)) {
        expect(action).not.toBe('dynamodb:*');
        expect(covers(action, 'dynamodb:Scan'), action).toBe(false);
      }
    }
  });

  it('only pickup-notices and the two functions that can lock a patron account (SPEC 12 notice) may send mail; job functions hold no signing key', () => {
    const mailers = groupEntries.filter(([group]) =>
      statementsOfRole(refId(resources[functionIdOf(group)]!.Properties.Role)!).some((s) => actions(s).includes('ses:SendEmail')),
    );
    expect(mailers.map(([group]) => group)).toEqual(['public-api', 'patron-api', 'pickup-notices']);
    for (const job of jobs) {
      const statements = statementsOfRole(refId(resources[functionIdOf(job.group)]!.Properties.Role)!);
      expect(
        statements.flatMap(actions).filter((a) => a.startsWith('secretsmanager:')),
        job.name,
      ).toEqual([]);
    }
  });
});

describe('HTTP API (SPEC 7)', () => {
  const routesByKey = () => new Map(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey as string, r]));
  const functionOfRoute = (route: Resource): string => {
    const integration = resources[mentionedIds(route.Properties.Target)[0]!]!;
    expect(integration.Type).toBe('AWS::ApiGatewayV2::Integration');
    return refId(integration.Properties.IntegrationUri)!;
  };

  it('has exactly the deployed routes plus $default, each on its group function', () => {
    const byKey = routesByKey();
    expect(new Set(byKey.keys())).toEqual(new Set([...deployedRoutes.map(routeKey), '$default']));
    for (const route of deployedRoutes) expect(functionOfRoute(byKey.get(routeKey(route))!), routeKey(route)).toBe(functionIdOf(route.group));
    expect(functionOfRoute(byKey.get('$default')!)).toBe(functionIdOf(fallbackGroup));
  });

  it('never deploys a local-only route', () => {
    for (const key of routesByKey().keys()) expect(key).not.toMatch(/\/admin\/local\//);
  });

  it('default stage: auto-deployed, throttled, access-logged with retention', () => {
    const [, stage] = single('AWS::ApiGatewayV2::Stage');
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
    const logGroup = resources[refId(stage.Properties.AccessLogSettings.DestinationArn)!]!;
    expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup.Properties.RetentionInDays).toBe(90);
  });
});

describe('schedules (SPEC 8)', () => {
  const schedules = () => ofType('AWS::Scheduler::Schedule').map(([, s]) => ({ props: s.Properties, input: JSON.parse(s.Properties.Target.Input as string) }));

  it('one schedule per wiring schedule, Asia/Tokyo, no flexible window, converted cron', () => {
    const declared = jobs.flatMap((job) => job.schedules.map((schedule) => ({ job, schedule })));
    expect(schedules()).toHaveLength(declared.length);
    for (const { job, schedule } of declared) {
      const found = schedules().filter((s) => s.input.job === job.name && s.input.schedule === schedule.name);
      expect(found, `${job.name}/${schedule.name}`).toHaveLength(1);
      const { props, input } = found[0]!;
      expect(props).toMatchObject({
        ScheduleExpression: toEventBridgeCron(schedule.cron),
        ScheduleExpressionTimezone: 'Asia/Tokyo',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
      });
      expect(input).toEqual({ job: job.name, trigger: 'schedule', schedule: schedule.name, scheduledTime: '<aws.scheduler.scheduled-time>' });
      expect(refId(props.Target.Arn)).toBe(functionIdOf(job.group));
      expect(props.Target.RetryPolicy).toBeDefined();
      expect(resources[refId(props.Target.DeadLetterConfig.Arn)!]!.Type).toBe('AWS::SQS::Queue');
    }
  });

  it('SPEC 8 times, as EventBridge reads them', () => {
    const expression = (job: string, schedule: string) => schedules().find((s) => s.input.job === job && s.input.schedule === schedule)?.props.ScheduleExpression;
    expect(expression('hold-registration', 'daily-0700')).toBe('cron(0 7 * * ? *)');
    expect(expression('hold-registration', 'every-10-minutes')).toBe('cron(0/10 7-23 * * ? *)');
    expect(expression('pickup-notices', 'daily-0800')).toBe('cron(0 8 * * ? *)');
    expect(expression('hold-expiry', 'daily-0600')).toBe('cron(0 6 * * ? *)');
  });

  it("each schedule's role may only invoke its job's function (and write to the dead-letter queue)", () => {
    for (const { props, input } of schedules()) {
      const roleId = refId(props.Target.RoleArn)!;
      const role = resources[roleId]!;
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }),
      ]);
      const job = jobs.find((j) => j.name === input.job)!;
      const statements = statementsOfRole(roleId);
      expect(new Set(statements.flatMap(actions))).toEqual(new Set(['lambda:InvokeFunction', 'sqs:SendMessage']));
      const invoke = statements.filter((s) => actions(s).includes('lambda:InvokeFunction'));
      expect([...new Set(invoke.flatMap((s) => mentionedIds(s.Resource)))]).toEqual([functionIdOf(job.group)]);
    }
  });

  it('the dead-letter queues (job triggers, outbox events) are encrypted and refuse non-TLS access', () => {
    const queues = ofType('AWS::SQS::Queue');
    expect(queues).toHaveLength(2);
    for (const [queueId, queue] of queues) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });
});

describe('event bus (SPEC 9)', () => {
  it('one rule per job on the library bus delivers JobRunRequested for that job to its function', () => {
    // The others carry SES events (SPEC 10.4, test/infra/mail-deliverability.test.ts).
    const rules = ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern.source?.[0] !== 'aws.ses');
    expect(rules).toHaveLength(jobs.length);
    for (const job of jobs) {
      const found = rules.filter(([, r]) => r.Properties.EventPattern.detail?.job?.[0] === job.name);
      expect(found, job.name).toHaveLength(1);
      const props = found[0]![1].Properties;
      expect(props.EventBusName).toEqual({ Ref: busId() });
      expect(props.EventPattern).toEqual({
        source: [events.source],
        'detail-type': [events.detailTypes.jobRunRequested],
        detail: { job: [job.name] },
      });
      expect(props.Targets).toHaveLength(1);
      expect(refId(props.Targets[0].Arn)).toBe(functionIdOf(job.group));
    }
  });
});

describe('secrets, mail and outputs', () => {
  const secretOf = (audience: string): string => {
    const found = ofType('AWS::SecretsManager::Secret').filter(([, r]) => r.Properties.Description === `HMAC key that signs ${audience} tokens`);
    expect(found, audience).toHaveLength(1);
    return found[0]![0];
  };
  /** The secrets a function's role may read, by audience. */
  const keysReadBy = (group: FunctionGroupName): string[] => {
    const ids = statementsOfRole(refId(resources[functionIdOf(group)]!.Properties.Role)!)
      .filter((s) => actions(s).some((a) => a.startsWith('secretsmanager:')))
      .flatMap((s) => mentionedIds(s.Resource));
    return ['patron', 'staff'].filter((audience) => ids.includes(secretOf(audience)));
  };

  it('signing keys: one per audience, generated, 64 characters without punctuation', () => {
    expect(ofType('AWS::SecretsManager::Secret').filter(([id]) => id !== originVerifySecretId())).toHaveLength(2);
    for (const audience of ['patron', 'staff']) {
      expect(resources[secretOf(audience)]!.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true });
    }
  });

  it('decision 011: each function reads only the keys of its audiences; no function reachable without a staff token can read the staff key', () => {
    expect(Object.fromEntries(groupEntries.map(([group]) => [group, keysReadBy(group)]))).toEqual({
      'public-api': ['patron'],
      'patron-api': ['patron'],
      'staff-api': ['staff'],
      'hold-registration': [],
      'pickup-notices': [],
      'hold-expiry': [],
      'search-index': [],
      'outbox-relay': [],
      'mail-feedback': [],
    });
    // Every function serving a public or patron route, other than the staff group itself
    // (whose only public route is the staff login), is barred from the staff key.
    const reachableWithoutStaffToken = new Set(deployedRoutes.filter((r) => r.access !== 'staff' && r.group !== 'staff-api').map((r) => r.group));
    expect([...reachableWithoutStaffToken].sort()).toEqual(['patron-api', 'public-api']);
    for (const group of reachableWithoutStaffToken) expect(keysReadBy(group), group).not.toContain('staff');
  });

  it('SES identity for the sesIdentity domain', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'library-mito.jp' });
  });

  it('outputs the web and API URLs, table name, bus name and alarm topic', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    // The Mail* outputs (DNS records, SPEC 10.4) are checked in test/infra/mail-deliverability.test.ts.
    expect(
      Object.keys(outputs)
        .filter((name) => !name.startsWith('Mail'))
        .sort(),
    ).toEqual(['AlarmTopicArn', 'ApiUrl', 'EventBusName', 'TableName', 'WebUrl']);
    expect(outputs.AlarmTopicArn!.Value).toEqual({ Ref: single('AWS::SNS::Topic')[0] });
    expect(outputs.TableName!.Value).toEqual({ Ref: tableId() });
    expect(outputs.EventBusName!.Value).toEqual({ Ref: busId() });
  });
});

describe('browser apps: S3 behind CloudFront, API on the same origin', () => {
  const distribution = () => single('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
  const behaviorOf = (pattern: string) => {
    const found = (distribution().CacheBehaviors as any[]).filter((b) => b.PathPattern === pattern);
    expect(found, pattern).toHaveLength(1);
    return found[0];
  };
  const originOf = (behavior: any) => {
    const found = (distribution().Origins as any[]).filter((o) => o.Id === behavior.TargetOriginId);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const managed = { cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac' };

  it('the bucket is private, encrypted and refuses non-TLS access', () => {
    const [bucketId, bucket] = single('AWS::S3::Bucket');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('only CloudFront (Origin Access Control, this distribution) may read the bucket', () => {
    const [bucketId] = single('AWS::S3::Bucket');
    const [distributionId] = single('AWS::CloudFront::Distribution');
    const [oacId, oac] = single('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const s3Origin = originOf(distribution().DefaultCacheBehavior);
    expect(mentionedIds(s3Origin.DomainName)).toEqual([bucketId]);
    expect(refId(s3Origin.OriginAccessControlId)).toBe(oacId);
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');

    const [, policy] = single('AWS::S3::BucketPolicy');
    const allows = (policy.Properties.PolicyDocument.Statement as any[]).filter((s) => s.Effect === 'Allow' && s.Principal.Service);
    expect(allows).toEqual([expect.objectContaining({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' })]);
    expect(mentionedIds(allows[0].Condition)).toEqual([distributionId]);
  });

  it('serves the apps over HTTPS only: http redirects, the API refuses http', () => {
    expect(distribution().DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    for (const pattern of apiPathPatterns) expect(behaviorOf(pattern).ViewerProtocolPolicy, pattern).toBe('https-only');
  });

  it('/api/* and /admin/* go to the HTTP API: uncached, all methods, all viewer headers but Host', () => {
    const [httpApiId] = single('AWS::ApiGatewayV2::Api');
    expect(apiPathPatterns).toEqual(['/api/*', '/admin/*']);
    for (const pattern of apiPathPatterns) {
      const behavior = behaviorOf(pattern);
      expect(behavior, pattern).toMatchObject({
        CachePolicyId: managed.cachingDisabled,
        OriginRequestPolicyId: managed.allViewerExceptHostHeader,
        AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
      });
      const origin = originOf(behavior);
      // The execute-api host name taken from the API's endpoint (https://{host}).
      expect(origin.DomainName['Fn::Select'][0]).toBe(2);
      expect(mentionedIds(origin.DomainName)).toEqual([httpApiId]);
      expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    }
    // Local-only routes are not deployed (see 'HTTP API'); every deployed path is under a behavior.
    for (const route of deployedRoutes) expect(route.path, routeKey(route)).toMatch(/^\/(api|admin)\//);
  });

  it('every behavior sends the local CSP (frame-ancestors none), HSTS for two years, DENY, nosniff, same-origin referrer', () => {
    const [policyId, policy] = single('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(headers).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: SECURITY_HEADERS['content-security-policy'], Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 2 * 365 * 24 * 3600, IncludeSubdomains: true, Override: true },
      FrameOptions: { FrameOption: SECURITY_HEADERS['x-frame-options'], Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: SECURITY_HEADERS['referrer-policy'], Override: true },
    });
    const behaviors = [distribution().DefaultCacheBehavior, ...distribution().CacheBehaviors];
    for (const behavior of behaviors) expect(refId(behavior.ResponseHeadersPolicyId)).toBe(policyId);
  });

  it('/ and /staff/ serve their index.html; no error page masks API errors', () => {
    expect(distribution().DefaultRootObject).toBe('index.html');
    expect(distribution().CustomErrorResponses).toBeUndefined();
    const [functionId, fn] = single('AWS::CloudFront::Function');
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    // Run the deployed code on the paths it must (and must not) rewrite.
    const handler = new Function(`${fn.Properties.FunctionCode as string}; return handler;`)() as (e: unknown) => { uri: string };
    expect(fn.Properties.FunctionCode).toBe(staffIndexFunctionCode);
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/staff')).toBe('/staff/index.html');
    expect(rewrite('/staff/')).toBe('/staff/index.html');
    for (const uri of ['/', '/index.html', '/app.js', '/staff/app.js', '/staffing', '/api/me']) expect(rewrite(uri), uri).toBe(uri);
  });

  it('uploads web/dist and invalidates the distribution after each deployment', () => {
    const [, deployment] = single('Custom::CDKBucketDeployment');
    expect(deployment.Properties).toMatchObject({
      DestinationBucketName: { Ref: single('AWS::S3::Bucket')[0] },
      DistributionId: { Ref: single('AWS::CloudFront::Distribution')[0] },
      DistributionPaths: ['/*'],
      Prune: true,
    });
    // The staged asset is the freshly built web/dist, both apps included.
    const [s3Key] = deployment.Properties.SourceObjectKeys as string[];
    const staged = path.join(app.outdir, `asset.${s3Key!.replace(/\.zip$/, '')}`);
    for (const file of ['index.html', 'app.js', 'staff/index.html', 'staff/app.js']) expect(existsSync(path.join(staged, file)), file).toBe(true);
  });

  it('a missing web/dist stops synthesis with what to run; with bundling skipped a placeholder stands in', () => {
    const webApps = (context: Record<string, unknown>) => () => {
      const probe = new Stack(new App({ context }), 'Probe');
      const originVerify = new OriginVerifySecret(probe, 'OriginVerify');
      const webAclArn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/probe/00000000-0000-0000-0000-000000000000';
      return new WebApps(probe, 'Web', { webDist: path.join(app.outdir, 'no-such-dist'), apiDomainName: 'api.example.com', originVerify, webAclArn });
    };
    expect(webApps({})).toThrow(/browser apps are not built.*no-such-dist\/index\.html.*npm run build:web/);
    expect(webApps({ 'aws:cdk:bundling-stacks': [] })).not.toThrow();
  });

  it('WebUrl is the https:// address of the distribution', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.WebUrl!.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [single('AWS::CloudFront::Distribution')[0], 'DomainName'] }]],
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding, error or warning', () => {
    // cdk-nag 3 is a policy-validation plugin: it does not write Annotations; ask it directly.
    const { violations } = new AwsSolutionsChecks().validateScope(app);
    expect(violations.map((v) => `${v.ruleName} (${v.severity}) ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('the synthesis validation report is empty', () => {
    const report = JSON.parse(readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8')) as { pluginReports: unknown[] };
    expect(report.pluginReports).toEqual([]);
  });

  it('CDK itself annotated no error or warning', () => {
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('issue 8.5 outbox relay (decision 014): hold and loan events leave through the table stream', () => {
  it('the table streams new images into exactly one trigger: the relay, on new outbox items only, retrying from a reported failure, then to its own queue', () => {
    expect(single('AWS::DynamoDB::Table')[1].Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const [, mapping] = single('AWS::Lambda::EventSourceMapping');
    expect(refId(mapping.Properties.FunctionName)).toBe(functionIdOf(outboxRelay.group));
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId(), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: outboxRelay.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRecordAgeInSeconds: 86_400,
    });
    expect(mapping.Properties.FilterCriteria.Filters.map((f: any) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: [outboxRelay.recordType] } } } },
    ]);
    const queue = refId(mapping.Properties.DestinationConfig.OnFailure.Destination);
    expect(resources[queue!]!.Type).toBe('AWS::SQS::Queue');
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms.filter((a) => a.MetricName === 'IteratorAge').map((a) => refId(a.Dimensions[0].Value))).toEqual([functionIdOf(outboxRelay.group)]);
  });

  it('only the relay puts hold and loan events on the bus, and it reads the stream of this table alone (ListStreams has no resource)', () => {
    const putters = (detailType: string) =>
      groupEntries
        .filter(([group]) =>
          statementsOfRole(refId(resources[functionIdOf(group)]!.Properties.Role)!).some((st) =>
            ((st.Condition as any)?.StringEquals?.['events:detail-type'] ?? []).includes(detailType),
          ),
        )
        .map(([group]) => group);
    expect(putters('HoldStateChanged')).toEqual([outboxRelay.group]);
    expect(putters('LoanRenewed')).toEqual([outboxRelay.group]);
    for (const [group] of groupEntries) {
      const streamStatements = statementsOfRole(refId(resources[functionIdOf(group)]!.Properties.Role)!).filter((st) => actions(st).some((a) => STREAM_READ.includes(a)));
      if (group !== outboxRelay.group) {
        expect(streamStatements, group).toEqual([]);
        continue;
      }
      for (const st of streamStatements) {
        if (actions(st).includes('dynamodb:ListStreams')) expect(st).toMatchObject({ Action: 'dynamodb:ListStreams', Resource: '*' });
        else expect(st.Resource).toEqual({ 'Fn::GetAtt': [tableId(), 'StreamArn'] });
      }
    }
  });
});

describe('issue 8.4 a failed job run raises an alarm', () => {
  it('one alarm per job on its function’s errors and one on the job dead-letter queue, all to the alarm topic (KMS, TLS only)', () => {
    const [topicId, topic] = single('AWS::SNS::Topic');
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    for (const alarm of alarms) expect(alarm.AlarmActions.map(refId), alarm.AlarmDescription).toEqual([topicId]);

    const functionOf = (alarm: any) => refId(alarm.Dimensions.find((d: any) => d.Name === 'FunctionName').Value);
    const jobFunctionIds = jobs.map((job) => {
      const [id] = ofType('AWS::Lambda::Function').find(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === job.group)!;
      return id;
    });
    // API functions have error alarms of their own (test/infra/observability.test.ts).
    const jobAlarms = alarms.filter((a) => a.MetricName === 'Errors' && a.Namespace === 'AWS/Lambda' && jobFunctionIds.includes(functionOf(a)!));
    expect(jobAlarms.map(functionOf).sort()).toEqual([...jobFunctionIds].sort());
    for (const alarm of jobAlarms) expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });

    const dlq = alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlq.map((a) => refId(a.Dimensions[0].Value)).sort()).toEqual(
      ofType('AWS::SQS::Queue')
        .map(([id]) => id)
        .sort(),
    );

    const policies = ofType('AWS::SNS::TopicPolicy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
    expect(policies.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
  });
});
