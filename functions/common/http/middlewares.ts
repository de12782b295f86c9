import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, unauthorized, forbidden } from '../errors.js';
import type { Deps } from '../deps.js';
import type { RouteDeclaration } from '../../wiring.js';
import type { Principal } from '../tokens.js';
import { languageOf } from './language.js';
import { appErrorForAwsFault } from './aws-errors.js';
import { internalErrorBody, renderAppError } from './render-error.js';
import type { Lang } from '../messages.js';
import { assertSessionCurrent } from './types.js';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;

/** Per-request state the middlewares hand to the dispatcher. */
export interface RequestState {
  lang: Lang;
  body?: unknown;
  principal?: Principal;
}
export type ApiContext = { state: RequestState } & import('aws-lambda').Context;
type Middleware = middy.MiddlewareObj<Event, Result, Error, ApiContext>;

export const jsonResult = (status: number, body?: unknown): Result => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * Every log line of a request carries API Gateway's request id as `correlation_id` (the id
 * in the API's access log, so one request's lines are found from either side), and the
 * function's context (Powertools); both are forgotten when the request ends. A function
 * instance serves one request at a time; the local stack's one logger may mix concurrent ids.
 */
export const requestLogging = (logger: Logger): Middleware[] => [
  injectLambdaContext(logger, { resetKeys: true }) as Middleware,
  {
    before: (request) => {
      const requestId = request.event.requestContext?.requestId;
      if (requestId) logger.setCorrelationId(requestId);
    },
  },
];

/** Language first, so every later error is rendered in the client's language. */
export const language = (): Middleware => ({
  before: (request) => {
    request.context.state = { lang: languageOf(request.event.headers?.['accept-language']) };
  },
});

/**
 * Enforces the body size limit (413) and parses JSON (400 naming `body`). `limitOf` answers
 * undefined for a path that is no declared route: its body is never read, so it answers 404
 * whatever it sends (issue 13: the contract's answer for an unknown route).
 */
export const jsonBody = (limitOf: (event: Event) => number | undefined): Middleware => ({
  before: (request) => {
    const { body, isBase64Encoded } = request.event;
    const maxBytes = limitOf(request.event);
    if (maxBytes === undefined || body === undefined || body === null || body === '') return;
    const raw = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
    if (raw.length > maxBytes) throw new AppError(413, 'PAYLOAD_TOO_LARGE', { extra: { limitBytes: maxBytes } });
    try {
      request.context.state.body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError(400, 'VALIDATION', { field: 'body', extra: { reason: 'MALFORMED_JSON' } });
    }
  },
});

const bearer = (event: Event) => {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
};

/**
 * No or bad token → 401; a token of the other role → 403 (decision 004, 011).
 * Patron sessions (SPEC 12): a token issued for an older credential version → 401 — checked
 * here with one small read, unless the route's handler checks it from the credential it
 * reads anyway; a token of the initial password → 403 PASSWORD_CHANGE_REQUIRED outside
 * the routes open to it (after the version check, so an ended session still answers 401).
 * Staff (SPEC 11): every request checks the token's credential version (a disabled account
 * has none; here, or by a `sessionCheckedByHandler` route from its own first read), then the
 * role a route declares: a COUNTER token on an ADMIN route → 403.
 */
export const authenticate = (routeOf: (event: Event) => RouteDeclaration | undefined, deps: Deps): Middleware => ({
  before: async (request) => {
    const route = routeOf(request.event);
    const access = route?.access;
    if (access !== 'patron' && access !== 'staff') return;
    const token = bearer(request.event);
    const verified = token ? await deps.tokens.verify(token, access) : ({ kind: 'invalid' } as const);
    if (verified.kind === 'other-role') throw forbidden();
    if (verified.kind !== 'valid') throw unauthorized();
    const principal = verified.principal;
    if (access === 'staff') {
      // SPEC 11: a disabled account's tokens answer 401 at once; then the route's role.
      if (!route?.sessionCheckedByHandler) assertSessionCurrent(principal, await deps.store.credentials.staffVersion(principal.subject));
      if (route?.role && principal.staffRole !== route.role) throw forbidden();
    }
    if (access === 'patron') {
      const gated = principal.passwordIsInitial && !route?.openWithInitialPassword;
      if (gated || !route?.sessionCheckedByHandler) assertSessionCurrent(principal, await deps.store.credentials.version(principal.subject));
      if (gated) throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED');
    }
    request.context.state.principal = principal;
  },
});

/** AppErrors become their status and code; anything else is logged and answers a generic 500. */
export const errorResponses = (deps: Deps): Middleware => ({
  onError: (request) => {
    const lang = request.context.state?.lang ?? 'ja';
    const error = appErrorForAwsFault(request.error) ?? request.error;
    if (error instanceof AppError) {
      if (error.status >= 500) deps.logger.warn('answered a fault as busy', { routeKey: request.event.routeKey, errorName: request.error?.name });
      request.response = jsonResult(error.status, renderAppError(error, lang));
      return;
    }
    deps.logger.error('unhandled error', {
      routeKey: request.event.routeKey,
      errorName: error?.name,
      errorMessage: error?.message,
      stack: error?.stack,
    });
    request.response = jsonResult(500, internalErrorBody(lang));
  },
});
