import { ArnFormat, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { deployedRoutes } from '../../functions/wiring.js';

/** A web ACL for CloudFront must be created in us-east-1, whatever region the service runs in. */
export const edgeRegion = 'us-east-1';

/** The two login routes (SPEC 12.4): the rate-based rule counts requests to these per address. */
export const loginPaths = ['/api/login', '/admin/login'] as const;

/**
 * Login requests per source address and evaluation window before the address gets 429 on the
 * login paths (docs/decisions/012-edge.md: a patron mistyping is stopped by the lockout long
 * before this; shared addresses such as a branch's public PCs stay far below it).
 */
export const loginRateLimit = { limit: 30, evaluationWindowSec: 300 } as const;

/** What a blocked login answers: the apps show `error.message`, in both languages as WAF sends one fixed body. */
export const tooManyLoginsBody = {
  error: {
    code: 'TOO_MANY_REQUESTS',
    message:
      'この接続元からのログインが多すぎます。5分ほど待ってから、もう一度お試しください。' +
      ' / Too many logins from this network. Please wait about 5 minutes and try again.',
    retryAfterSeconds: loginRateLimit.evaluationWindowSec,
  },
} as const;

/** AWS managed rule groups, by rule name in the web ACL (all free "baseline" groups). */
export const managedRuleGroups = {
  IpReputation: 'AWSManagedRulesAmazonIpReputationList',
  KnownBadInputs: 'AWSManagedRulesKnownBadInputsRuleSet',
  CommonRuleSet: 'AWSManagedRulesCommonRuleSet',
} as const;

/**
 * Rules of the common rule set that only count, each re-applied by a rule of our own
 * (below it) everywhere except the paths that legitimately send such bodies.
 */
export const commonRuleSetExceptions = {
  /** Bodies over 8 KB: only the catalog import (up to 5 MiB, wiring's maxBodyBytes) sends them. */
  SizeRestrictions_BODY: {
    label: 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body',
    rule: 'OversizeBodyOutsideImport',
    exceptPaths: deployedRoutes.filter((route) => (route.maxBodyBytes ?? 0) > 8 * 1024).map((route) => route.path),
  },
  /**
   * Script-like text in a body: bibliographic free text (a title such as "JavaScript: the
   * definitive guide", MARC punctuation) must not stop cataloguing. Both routes need a staff token.
   */
  CrossSiteScripting_BODY: {
    label: 'awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body',
    rule: 'ScriptInBodyOutsideCatalog',
    exceptPaths: ['/admin/titles', '/admin/catalog/import'],
  },
} as const;

const deployedPaths = new Set<string>(deployedRoutes.map((route) => route.path));
const requireDeployed = (paths: readonly string[], what: string) => {
  for (const path of paths) if (!deployedPaths.has(path)) throw new Error(`${what}: ${path} is not a deployed route of functions/wiring.ts`);
};

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const pathIs = (path: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'EXACTLY', searchString: path, textTransformations: [{ priority: 0, type: 'NONE' }] },
});
const anyOf = (statements: CfnWebACL.StatementProperty[]): CfnWebACL.StatementProperty => {
  const [first, ...more] = statements;
  if (!first) throw new Error('a WAF statement needs at least one condition');
  return more.length === 0 ? first : { orStatement: { statements } };
};

/**
 * The login paths, as a guesser might spell them too: `//api/./login/`, `/API/Login`. Any path
 * starting so is counted (API Gateway itself routes only the exact path; the rest are 404s).
 */
const loginPathStatement = anyOf(
  loginPaths.map((path) => ({
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: path,
      textTransformations: [
        { priority: 0, type: 'URL_DECODE' },
        { priority: 1, type: 'NORMALIZE_PATH' },
        { priority: 2, type: 'LOWERCASE' },
      ],
    },
  })),
);

/**
 * The web ACL in front of the CloudFront distribution (docs/decisions/012-edge.md): known-bad
 * addresses and inputs, the common rule set, and a per-address rate limit on the login paths
 * that answers 429. Blocked and counted requests are logged (IP, path, rule; never the
 * Authorization header or the query string) for three months.
 */
export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    requireDeployed(loginPaths, 'login rate limit');
    for (const exception of Object.values(commonRuleSetExceptions)) requireDeployed(exception.exceptPaths, exception.rule);

    const managed = (priority: number, name: keyof typeof managedRuleGroups, overrides: string[] = []): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: managedRuleGroups[name],
          ...(overrides.length > 0 ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
        },
      },
      visibilityConfig: visibility(name),
    });
    const blockLabelOutside = (priority: number, exception: (typeof commonRuleSetExceptions)[keyof typeof commonRuleSetExceptions]): CfnWebACL.RuleProperty => ({
      name: exception.rule,
      priority,
      action: { block: {} },
      // No excepted path left (a route removed from wiring): the rule blocks the label everywhere.
      statement:
        exception.exceptPaths.length === 0
          ? { labelMatchStatement: { scope: 'LABEL', key: exception.label } }
          : {
              andStatement: {
                statements: [
                  { labelMatchStatement: { scope: 'LABEL', key: exception.label } },
                  { notStatement: { statement: anyOf(exception.exceptPaths.map(pathIs)) } },
                ],
              },
            },
      visibilityConfig: visibility(exception.rule),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Library reservation service: AWS managed rule groups and a login rate limit, see docs/decisions/012-edge.md',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('LibraryWebAcl'),
      customResponseBodies: {
        'too-many-logins': { contentType: 'APPLICATION_JSON', content: JSON.stringify(tooManyLoginsBody) },
      },
      rules: [
        managed(0, 'IpReputation'),
        {
          name: 'LoginRateLimit',
          priority: 1,
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: 'too-many-logins',
                responseHeaders: [{ name: 'retry-after', value: String(loginRateLimit.evaluationWindowSec) }],
              },
            },
          },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: loginRateLimit.limit,
              evaluationWindowSec: loginRateLimit.evaluationWindowSec,
              scopeDownStatement: loginPathStatement,
            },
          },
          visibilityConfig: visibility('LoginRateLimit'),
        },
        managed(2, 'KnownBadInputs'),
        managed(3, 'CommonRuleSet', Object.keys(commonRuleSetExceptions)),
        blockLabelOutside(4, commonRuleSetExceptions.SizeRestrictions_BODY),
        blockLabelOutside(5, commonRuleSetExceptions.CrossSiteScripting_BODY),
      ],
    });

    // WAF logs to CloudWatch only into a group named aws-waf-logs-*, in the web ACL's region.
    const stack = Stack.of(this);
    this.logGroup = new LogGroup(this, 'Logs', { logGroupName: `aws-waf-logs-${stack.stackName}`, retention: RetentionDays.THREE_MONTHS });
    new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // The log group's ARN without the trailing `:*` that LogGroup.logGroupArn carries.
      logDestinationConfigs: [
        stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: this.logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ],
      // Tokens travel in Authorization; the query string holds what patrons search for, which the library keeps private.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { queryString: {} }],
      // Only what a rule blocked or counted: the rest is ordinary traffic of identifiable patrons.
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
  }
}

/**
 * The stack in us-east-1 that holds the web ACL; the service's stack, in its own region,
 * attaches it to the distribution through a cross-region reference (decision 012).
 */
export class LibraryEdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: Omit<StackProps, 'env'> = {}) {
    super(scope, id, { ...props, env: { region: edgeRegion } });
    this.webAclArn = new EdgeWebAcl(this, 'Edge').webAcl.attrArn;
  }
}
