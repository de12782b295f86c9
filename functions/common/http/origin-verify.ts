import type middy from '@middy/core';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config.js';
import { forbidden } from '../errors.js';
import { prefetch } from '../prefetch.js';
import { readSecret } from '../secrets.js';
import { languageOf } from './language.js';
import type { ApiContext } from './middlewares.js';
import { jsonResult } from './middlewares.js';
import { ORIGIN_VERIFY_HEADER } from './origin-header.js';
import { renderAppError } from './render-error.js';

type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>;

/** Reads a secret's string; the cloud default asks Secrets Manager, tests pass their own. */
export type SecretReader = (secretArn: string) => Promise<string>;

const readFromSecretsManager: SecretReader = readSecret;

/** The value the origin header must carry, or undefined when the check is off. */
export type ExpectedOrigin = () => Promise<string | undefined>;

/**
 * Off unless `config.originVerifySecretArn` is set (only the AWS stack sets it: the local stack
 * and the tests have no CloudFront in front). When set, the secret is fetched as soon as the
 * cold start's import is done (functions/common/prefetch.ts), like the signing keys, and awaited
 * by the first request; a failed fetch answers that request 500 and is tried again by the next
 * one rather than remembered.
 */
export const expectedOrigin = (config: Pick<AppConfig, 'originVerifySecretArn'>, read: SecretReader = readFromSecretsManager): ExpectedOrigin => {
  const arn = config.originVerifySecretArn;
  if (!arn) return () => Promise.resolve(undefined);
  return prefetch(() => read(arn));
};

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
/** Constant-time comparison (of digests, so unequal lengths take the same time too). */
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/**
 * The first middleware of every API function: a request without CloudFront's origin header
 * (someone calling the execute-api endpoint directly, around the web ACL) answers 403 before
 * the body is parsed, a token verified or the table touched.
 */
export const originVerify = (expected: ExpectedOrigin, logger: Pick<Logger, 'warn'>): Middleware => ({
  before: async (request) => {
    const secret = await expected();
    if (secret === undefined) return undefined;
    const given = request.event.headers?.[ORIGIN_VERIFY_HEADER];
    if (given !== undefined && sameSecret(given, secret)) return undefined;
    logger.warn('request did not come through CloudFront', { routeKey: request.event.routeKey, originHeader: given === undefined ? 'missing' : 'wrong' });
    return jsonResult(403, renderAppError(forbidden(), languageOf(request.event.headers?.['accept-language'])));
  },
});
