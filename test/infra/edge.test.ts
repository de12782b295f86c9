import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER } from '../../functions/common/http/origin-header.js';
import { deployedRoutes, functionGroups, jobs, routes, type FunctionGroupName } from '../../functions/wiring.js';
import { buildApp, cdkJsonContext, edgeStackName } from '../../lib/cloud/app.js';
import { loginPaths, loginRateLimit, tooManyLoginsBody } from '../../lib/cloud/edge.js';
import { accountConcurrency, checkReservations } from '../../lib/cloud/functions.js';

/**
 * The edge (docs/decisions/012-edge.md): the web ACL in us-east-1 and its association with the
 * distribution, the origin-verify header that keeps the API behind CloudFront, and reserved
 * concurrency per function. Bundling is skipped:
 * these are template properties (test/infra/stack.test.ts synthesizes with bundling and cdk-nag).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
interface Resource {
  readonly Type: string;
  readonly Properties: any;
}

let main: Record<string, Resource>;
let edge: Record<string, Resource>;
let edgeOutputs: Record<string, { Value: unknown }>;
let regions: { main: string; edge: string };
let mainDependsOn: string[];
let edgeAnnotations: Annotations;

beforeAll(() => {
  const built = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  main = Template.fromStack(built.stack).toJSON().Resources as Record<string, Resource>;
  const edgeTemplate = Template.fromStack(built.edge).toJSON();
  edge = edgeTemplate.Resources as Record<string, Resource>;
  edgeOutputs = edgeTemplate.Outputs as Record<string, { Value: unknown }>;
  regions = { main: built.stack.region, edge: built.edge.region };
  mainDependsOn = built.stack.dependencies.map((s) => s.stackName);
  edgeAnnotations = Annotations.fromStack(built.edge);
});

const ofType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const groupNames = Object.keys(functionGroups) as FunctionGroupName[];
const functionOf = (group: FunctionGroupName): Resource => {
  const found = ofType(main, 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === group);
  expect(found, group).toHaveLength(1);
  return found[0]![1];
};
/** `{ 'Fn::GetAtt': [id, 'Arn'] }` or `{ Ref: id }` → id */
const refId = (value: any): string | undefined => value?.['Fn::GetAtt']?.[0] ?? value?.Ref;
/** Secrets a function's role may read (logical ids). */
const secretsReadBy = (group: FunctionGroupName): string[] => {
  const roleId = refId(functionOf(group).Properties.Role);
  return ofType(main, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => refId(r) === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[])
    .filter((s) => [s.Action].flat().some((a: string) => a.startsWith('secretsmanager:')))
    .map((s) => refId(s.Resource)!);
};
const distribution = () => ofType(main, 'AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;
const originOfPath = (pattern: string) => {
  const behavior = (distribution().CacheBehaviors as any[]).find((b) => b.PathPattern === pattern);
  return (distribution().Origins as any[]).find((o) => o.Id === behavior.TargetOriginId);
};
const isJob = (group: FunctionGroupName) => jobs.some((job) => job.group === group);
const isApi = (group: FunctionGroupName) => routes.some((route) => route.group === group);

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
    expect(reserved).toBe(273);
    expect(accountConcurrency).toEqual({ quota: 1000, minimumUnreserved: 100 });
    expect(accountConcurrency.quota - reserved).toBeGreaterThanOrEqual(accountConcurrency.minimumUnreserved);
    expect(() => checkReservations({ a: { reservedConcurrency: 450 }, b: { reservedConcurrency: 450 } })).not.toThrow();
    expect(() => checkReservations({ a: { reservedConcurrency: 450 }, b: { reservedConcurrency: 451 } })).toThrow(/reserves 901 .* at most 900 of 1000/);
  });
});

describe('origin check: the API answers only what CloudFront forwards', () => {
  const secretId = () => {
    const found = ofType(main, 'AWS::SecretsManager::Secret').filter(([, r]) => String(r.Properties.Description).includes(ORIGIN_VERIFY_HEADER));
    expect(found).toHaveLength(1);
    return found[0]![0];
  };

  it('the secret is generated by the stack: 64 letters and digits', () => {
    expect(main[secretId()]!.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true });
  });

  it('CloudFront adds it as the x-origin-verify header on the API origin, resolved at deployment (not in the template)', () => {
    expect(ORIGIN_VERIFY_HEADER).toBe('x-origin-verify');
    for (const pattern of ['/api/*', '/admin/*']) {
      expect(originOfPath(pattern).OriginCustomHeaders, pattern).toEqual([
        { HeaderName: 'x-origin-verify', HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId() }, ':SecretString:::}}']] } },
      ]);
    }
    // The apps' bucket origin does not get it.
    const s3Origin = (distribution().Origins as any[]).find((o) => o.Id === distribution().DefaultCacheBehavior.TargetOriginId);
    expect(s3Origin.OriginCustomHeaders).toBeUndefined();
  });

  it('every API function gets its ARN and may read it; no job, the outbox relay nor the mail-feedback function does', () => {
    for (const group of groupNames) {
      const env = functionOf(group).Properties.Environment.Variables;
      if (!isApi(group)) {
        expect(env.ORIGIN_VERIFY_SECRET_ARN, group).toBeUndefined();
        expect(secretsReadBy(group), group).not.toContain(secretId());
      } else {
        expect(env.ORIGIN_VERIFY_SECRET_ARN, group).toEqual({ Ref: secretId() });
        expect(secretsReadBy(group), group).toContain(secretId());
      }
    }
    expect(groupNames.filter(isApi)).toEqual(['public-api', 'patron-api', 'staff-api']);
    expect(groupNames.filter((g) => !isApi(g) && !isJob(g))).toEqual(['outbox-relay', 'mail-feedback']);
  });
});

describe('web ACL (LibraryEdgeStack, us-east-1) on the CloudFront distribution', () => {
  const webAcl = () => {
    const found = ofType(edge, 'AWS::WAFv2::WebACL');
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const rule = (name: string) => {
    const found = (webAcl()[1].Properties.Rules as any[]).filter((r) => r.Name === name);
    expect(found, name).toHaveLength(1);
    return found[0];
  };

  it("lives in us-east-1 (CLOUDFRONT scope), the service in cdk.json's region; allows by default", () => {
    expect(regions).toEqual({ main: 'ap-northeast-1', edge: 'us-east-1' });
    expect(webAcl()[1].Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it("is associated with the distribution: WebACLId reads the edge stack's ACL ARN (Fn::GetStackOutput), deployed first", () => {
    const distributions = ofType(main, 'AWS::CloudFront::Distribution');
    expect(distributions).toHaveLength(1);
    const webAclId = distributions[0]![1].Properties.DistributionConfig.WebACLId;
    expect(webAclId['Fn::GetStackOutput']).toMatchObject({ StackName: edgeStackName, Region: 'us-east-1' });
    const output = edgeOutputs[webAclId['Fn::GetStackOutput'].OutputName];
    expect(output?.Value).toEqual({ 'Fn::GetAtt': [webAcl()[0], 'Arn'] });
    expect(mainDependsOn).toEqual([edgeStackName]);
  });

  it('rate-limits the login paths per source address and answers 429 with the app error shape', () => {
    expect([...loginPaths].sort()).toEqual(
      deployedRoutes
        .filter((r) => r.path.endsWith('/login'))
        .map((r) => r.path)
        .sort(),
    );
    const login = rule('LoginRateLimit');
    const rate = login.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ AggregateKeyType: 'IP', Limit: 30, EvaluationWindowSec: 300 });
    expect(loginRateLimit).toEqual({ limit: 30, evaluationWindowSec: 300 });
    // Scoped to the login paths only, however they are spelled (decoded, normalized, lower-cased).
    const matches = rate.ScopeDownStatement.OrStatement.Statements.map((st: any) => st.ByteMatchStatement);
    expect(matches.map((m: any) => m.SearchString).sort()).toEqual(['/admin/login', '/api/login']);
    for (const m of matches) {
      expect(m).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH' });
      expect(m.TextTransformations.map((t: any) => t.Type)).toEqual(['URL_DECODE', 'NORMALIZE_PATH', 'LOWERCASE']);
    }
    expect(login.Action).toEqual({
      Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'too-many-logins', ResponseHeaders: [{ Name: 'retry-after', Value: '300' }] } },
    });
    const body = webAcl()[1].Properties.CustomResponseBodies['too-many-logins'];
    expect(body.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body.Content)).toEqual(tooManyLoginsBody);
    expect(tooManyLoginsBody.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 300 });
    expect(tooManyLoginsBody.error.message).toMatch(/ログイン.*\/ Too many logins/);
  });

  it('AWS managed rule groups: IP reputation, known bad inputs, common rule set', () => {
    const managed = (webAcl()[1].Properties.Rules as any[])
      .filter((r) => r.Statement.ManagedRuleGroupStatement)
      .map((r) => ({ name: r.Statement.ManagedRuleGroupStatement.Name, vendor: r.Statement.ManagedRuleGroupStatement.VendorName, override: r.OverrideAction }));
    expect(managed).toEqual([
      { name: 'AWSManagedRulesAmazonIpReputationList', vendor: 'AWS', override: { None: {} } },
      { name: 'AWSManagedRulesKnownBadInputsRuleSet', vendor: 'AWS', override: { None: {} } },
      { name: 'AWSManagedRulesCommonRuleSet', vendor: 'AWS', override: { None: {} } },
    ]);
  });

  it('the common rule set only counts oversize and script-like bodies; our rules block them outside the import and the title routes', () => {
    expect(rule('CommonRuleSet').Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
      { Name: 'CrossSiteScripting_BODY', ActionToUse: { Count: {} } },
    ]);
    const exceptedPaths = (name: string, label: string) => {
      const r = rule(name);
      expect(r.Action, name).toEqual({ Block: {} });
      expect(r.Priority, name).toBeGreaterThan(rule('CommonRuleSet').Priority); // labels exist only after the group ran
      const [labelMatch, not] = r.Statement.AndStatement.Statements;
      expect(labelMatch).toEqual({ LabelMatchStatement: { Scope: 'LABEL', Key: label } });
      const inner = not.NotStatement.Statement;
      return (inner.OrStatement ? inner.OrStatement.Statements : [inner]).map((st: any) => {
        expect(st.ByteMatchStatement).toMatchObject({
          FieldToMatch: { UriPath: {} },
          PositionalConstraint: 'EXACTLY',
          TextTransformations: [{ Priority: 0, Type: 'NONE' }],
        });
        return st.ByteMatchStatement.SearchString as string;
      });
    };
    // Bodies over 8 KB: only routes declaring a larger limit in wiring, i.e. the catalog import.
    expect(exceptedPaths('OversizeBodyOutsideImport', 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body')).toEqual(['/admin/catalog/import']);
    expect(routes.filter((r) => (r.maxBodyBytes ?? 0) > 8 * 1024).map((r) => `${r.method} ${r.path} ${r.access}`)).toEqual(['POST /admin/catalog/import staff']);
    expect(exceptedPaths('ScriptInBodyOutsideCatalog', 'awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body')).toEqual(['/admin/titles', '/admin/catalog/import']);
    for (const path of ['/admin/titles', '/admin/catalog/import']) {
      expect(
        routes.filter((r) => r.path === path).map((r) => r.access),
        path,
      ).toEqual(['staff']);
    }
  });

  it('CDK annotated no error or warning on the edge stack (cdk-nag: test/infra/stack.test.ts checks the whole app)', () => {
    expect(edgeAnnotations.findError('*', Match.anyValue())).toEqual([]);
    expect(edgeAnnotations.findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('rules have distinct priorities; every rule and the ACL publish metrics and sampled requests', () => {
    const rules = webAcl()[1].Properties.Rules as any[];
    expect(rules.map((r) => r.Name)).toEqual([
      'IpReputation',
      'LoginRateLimit',
      'KnownBadInputs',
      'CommonRuleSet',
      'OversizeBodyOutsideImport',
      'ScriptInBodyOutsideCatalog',
    ]);
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
    for (const r of [...rules, webAcl()[1].Properties]) {
      expect(r.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
    }
  });

  it('logs blocked and counted requests to aws-waf-logs-* (90 days), without the Authorization header or the query string', () => {
    const [, logging] = ofType(edge, 'AWS::WAFv2::LoggingConfiguration')[0]!;
    expect(logging.Properties.ResourceArn).toEqual({ 'Fn::GetAtt': [webAcl()[0], 'Arn'] });
    const [logGroupId, logGroup] = ofType(edge, 'AWS::Logs::LogGroup')[0]!;
    expect(logGroup.Properties).toMatchObject({ LogGroupName: 'aws-waf-logs-LibraryEdgeStack', RetentionInDays: 90 });
    const destination = JSON.stringify(logging.Properties.LogDestinationConfigs);
    expect(destination).toContain(`"Ref":"${logGroupId}"`);
    expect(destination).toContain(':log-group:');
    expect(destination).not.toContain(':*');
    expect(logging.Properties.RedactedFields).toEqual([{ SingleHeader: { Name: 'authorization' } }, { QueryString: {} }]);
    expect(logging.Properties.LoggingFilter).toEqual({
      DefaultBehavior: 'DROP',
      Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }] }],
    });
  });
});
