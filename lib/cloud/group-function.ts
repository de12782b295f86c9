import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import path from 'node:path';
import { events, outboxRelay, type FunctionPermissions, type TokenAudience } from '../../functions/wiring.js';
import { logicalIdOf } from './logical-id.js';

/** What a function may be granted; which of it it gets comes from its `permissions`. */
export interface SharedResources {
  readonly table: ITable;
  readonly bus: IEventBus;
  /** One secret per token audience (decision 011). */
  readonly signingKeys: Readonly<Record<TokenAudience, ISecret>>;
  readonly mail: {
    readonly identityArn: string;
    readonly identity: string;
    readonly from: string;
    readonly inquiry: string;
    /** SPEC 10.4: the configuration set every mail is sent with; sending through it needs a grant on it too. */
    readonly configurationSetName: string;
    readonly configurationSetArn: string;
  };
  /** LIBRARY_NAME of every function, when the library set one (functions/common/config.ts). */
  readonly libraryName?: string;
}

/** What invokes a function: API Gateway, a schedule or the bus (jobs), the table stream, a bus rule (SES events). */
export type FunctionKind = 'api' | 'job' | 'stream' | 'event';

export interface GroupFunctionProps {
  readonly name: string;
  readonly entry: string;
  readonly description: string;
  readonly permissions: FunctionPermissions;
  readonly kind: FunctionKind;
  /** Overrides of the kind's sizing (functions/wiring.ts). */
  readonly memoryMB?: number;
  readonly timeoutMinutes?: number;
  readonly projectRoot: string;
  readonly resources: SharedResources;
}

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
/**
 * The DynamoDB actions of each `table` permission: only what functions/store calls. Transactions
 * have no action of their own: TransactWriteItems is authorized per item (Put, Update, Delete,
 * ConditionCheckItem), TransactGetItems as GetItem. Never Scan.
 */
export const dynamoDbActions: Readonly<Record<FunctionPermissions['table'], readonly string[]>> = {
  none: [],
  read: readActions,
  readWrite: [...readActions, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
  outbox: ['dynamodb:DeleteItem'],
};

/**
 * The one place that turns a group's `permissions` (functions/wiring.ts) into both its
 * environment variables (read by functions/common/config.ts) and its IAM grants, so a
 * function never sees a variable it has no permission to use, nor the reverse.
 */
const grantAndConfigure = (role: IRole, permissions: FunctionPermissions, r: SharedResources): Record<string, string> => {
  const env: Record<string, string> = { TABLE_NAME: r.table.tableName, ...(r.libraryName ? { LIBRARY_NAME: r.libraryName } : {}) };
  const tableActions = dynamoDbActions[permissions.table];
  if (permissions.table === 'outbox') {
    // Only items whose partition key is an outbox event's: no patron, hold or loan.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...tableActions],
        resources: [r.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${outboxRelay.keyPrefix}*`] } },
      }),
    );
  } else if (tableActions.length) {
    // One explicit statement instead of grantReadData/grantReadWriteData, which add Scan, DescribeTable and stream reads.
    role.addToPrincipalPolicy(new PolicyStatement({ actions: [...tableActions], resources: [r.table.tableArn, `${r.table.tableArn}/index/*`] }));
  }

  for (const audience of permissions.signingKeys ?? []) {
    r.signingKeys[audience].grantRead(role);
    env[`${audience.toUpperCase()}_SIGNING_KEY_SECRET_ARN`] = r.signingKeys[audience].secretArn;
  }
  if (permissions.publishEvents?.length) {
    // Only its own detail-types, from the library's source: a function cannot forge another's events.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['events:PutEvents'],
        resources: [r.bus.eventBusArn],
        conditions: { StringEquals: { 'events:source': events.source, 'events:detail-type': [...permissions.publishEvents] } },
      }),
    );
    env.EVENT_BUS_NAME = r.bus.eventBusName;
  }
  if (permissions.sendMail) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [r.mail.identityArn, r.mail.configurationSetArn] }));
    env.MAIL_CONFIGURATION_SET = r.mail.configurationSetName;
    env.MAIL_FROM = r.mail.from;
    env.MAIL_INQUIRY = r.mail.inquiry;
    env.SES_IDENTITY = r.mail.identity;
  }
  return env;
};

/** Handlers need CommonJS `require` for a few bundled dependencies; ESM has none. */
const requireShim = "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);";

/** Memory and timeout per kind of function (bench/stack-facts.ts prices the memory). */
export const sizing = {
  api: { memorySize: 512, timeout: Duration.seconds(10) },
  // Under the 10-minute interval of hold-registration, so runs of one schedule never overlap.
  job: { memorySize: 512, timeout: Duration.minutes(5) },
  // A batch of up to 100 events, one PutEvents each, in stream order.
  stream: { memorySize: 256, timeout: Duration.minutes(1) },
  // One SES event: a Query and a transaction per patron of the address.
  event: { memorySize: 256, timeout: Duration.seconds(30) },
} as const;

export const functionArchitecture = Architecture.ARM_64;

/** One Lambda function serving one function group of functions/wiring.ts. */
export class GroupFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: GroupFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });

    // Own role instead of AWSLambdaBasicExecutionRole: writes only to its own log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.name} function`,
    });
    this.logGroup.grantWrite(this.role);
    const environment = grantAndConfigure(this.role, props.permissions, props.resources);

    this.function = new NodejsFunction(this, 'Function', {
      description: props.description,
      entry: path.join(props.projectRoot, props.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: functionArchitecture,
      ...sizing[props.kind],
      ...(props.memoryMB ? { memorySize: props.memoryMB } : {}),
      ...(props.timeoutMinutes ? { timeout: Duration.minutes(props.timeoutMinutes) } : {}),
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...environment, LOG_LEVEL: 'INFO', POWERTOOLS_SERVICE_NAME: props.name },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: requireShim,
        minify: true,
        sourceMap: false,
        charset: Charset.UTF8,
        // Bundled, not taken from the runtime: the version tested locally is the one deployed.
        bundleAwsSDK: true,
        forceDockerBundling: false,
        logLevel: LogLevel.WARNING,
      },
    });

    this.acknowledgeFindings(props.permissions, props.resources);
  }

  private acknowledgeFindings(permissions: FunctionPermissions, r: SharedResources): void {
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is pinned by customer requirement (their supported runtime); not the newest runtime on purpose.',
    });
    const policy = this.role.node.tryFindChild('DefaultPolicy');
    if (!policy || permissions.table === 'none') return;
    const tableArn = `<${logicalIdOf(r.table)}.Arn>`;
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
      reason: `The ${permissions.table} statement covers the table's own GSIs (queries by index); no other table.`,
    });
  }
}
