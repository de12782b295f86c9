import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { notFound } from '../errors.js';
import type { Deps } from '../deps.js';
import { routeKey, routes, type ApiGroupName, type RouteDeclaration, type RouteKeyOf } from '../../wiring.js';
import { authenticate, errorResponses, jsonBody, jsonResult, language, requestLogging, type ApiContext } from './middlewares.js';
import { expectedOrigin, originVerify, type SecretReader } from './origin-verify.js';
import { checkPathParameters } from './path-parameters.js';
import type { RouteHandler } from './types.js';

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Every route of a group must have a handler: TypeScript refuses a missing or extra key. */
export type GroupHandlers<G extends ApiGroupName> = { readonly [K in RouteKeyOf<G>]: RouteHandler };

/**
 * One Lambda handler for a group of routes. API Gateway's `routeKey` ("GET /api/me")
 * selects the route; the local stack sets the same field, so both dispatch identically.
 * `readSecret` replaces Secrets Manager for the origin check (tests).
 */
export const makeApiHandler = <G extends ApiGroupName>(
  group: G,
  handlers: GroupHandlers<G>,
  deps: Deps,
  options: { readonly readSecret?: SecretReader } = {},
): ApiHandler => {
  // The origin secret (when configured) is fetched right after the cold start's import, or by the first request.
  const origin = expectedOrigin(deps.config, options.readSecret);
  const table = handlers as Readonly<Record<string, RouteHandler>>;
  const declared = new Map<string, RouteDeclaration>(routes.filter((r) => r.group === group).map((r) => [routeKey(r), r]));

  const dispatch = async (event: APIGatewayProxyEventV2, context: ApiContext) => {
    const handler = declared.has(event.routeKey) ? table[event.routeKey] : undefined;
    if (!handler) throw notFound();
    checkPathParameters(event.pathParameters ?? {});
    const response = await handler(
      {
        body: context.state.body,
        query: event.queryStringParameters ?? {},
        params: event.pathParameters ?? {},
        principal: context.state.principal,
        lang: context.state.lang,
      },
      deps,
    );
    return jsonResult(response.status, response.body);
  };

  return (
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>()
      .use(requestLogging(deps.logger))
      // Then: a request that went around CloudFront (and its web ACL) gets a 403 and nothing else.
      .use(originVerify(origin, deps.logger))
      .use(language())
      .use(errorResponses(deps))
      .use(authenticate((event) => declared.get(event.routeKey), deps))
      .use(
        jsonBody((event) => {
          const route = declared.get(event.routeKey);
          return route ? (route.maxBodyBytes ?? deps.config.maxBodyBytes) : undefined;
        }),
      )
      .handler(dispatch) as unknown as ApiHandler
  );
};
