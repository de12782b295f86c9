import { Fn, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { deployedRoutes, fallbackGroup, type Access, type ApiGroupName } from '../../functions/wiring.js';

export interface LibraryApiProps {
  readonly functions: Readonly<Record<ApiGroupName, IFunction>>;
}

/** Why a route has no API Gateway authorizer (cdk-nag AwsSolutions-APIG4). */
const noAuthorizerBecause: Record<Exclude<Access, 'local'>, string> = {
  public: 'Public by design (SPEC 7): login, branches and catalog are served without a token.',
  patron:
    'The patron bearer token is verified in the Lambda (jose, HS256, key from Secrets Manager) by the same ' +
    'middleware the local stack runs, so both stacks enforce identical rules; a 401/403 has the app error shape.',
  staff:
    'The staff bearer token is verified in the Lambda (jose) by the same middleware the local stack runs; ' +
    'a patron token answers 403 with the app error shape, which an API Gateway authorizer could not produce.',
};

/**
 * SPEC 7 over an HTTP API: one route per deployed route of functions/wiring.ts (routes with
 * access `local` never reach the cloud), each integrated with its group's function, and a
 * `$default` route to the fallback group so an unknown path gets the app's own 404 body.
 */
export class LibraryApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly url: string;
  /** `{apiId}.execute-api.{region}.amazonaws.com`: CloudFront's origin for /api/* and /admin/*. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: LibraryApiProps) {
    super(scope, id);
    const integrations = new Map<ApiGroupName, HttpLambdaIntegration>();
    const integration = (group: ApiGroupName) => {
      let found = integrations.get(group);
      if (!found) {
        found = new HttpLambdaIntegration(`${group}-integration`, props.functions[group]);
        integrations.set(group, found);
      }
      return found;
    };

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Library internet reservation service (SPEC 7)',
      createDefaultStage: false,
      defaultIntegration: integration(fallbackGroup),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    this.url = this.stage.url;
    // apiEndpoint is `https://{domain}`: element 2 of its split on '/'.
    this.domainName = Fn.select(2, Fn.split('/', this.api.apiEndpoint));

    for (const route of deployedRoutes) {
      const [created] = this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration: integration(route.group) });
      acknowledgeNoAuthorizer(created, noAuthorizerBecause[route.access]);
    }
    const fallback = this.api.node.tryFindChild('DefaultRoute') as HttpRoute | undefined;
    acknowledgeNoAuthorizer(fallback, 'Catch-all for unknown paths: the fallback function only answers the app 404 body.');
  }
}

const acknowledgeNoAuthorizer = (route: HttpRoute | undefined, reason: string): void => {
  if (!route) throw new Error('expected an HTTP API route to acknowledge');
  Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
};
