import { AppError } from '../errors.js';

/**
 * Faults of the AWS services that outlived every retry, as answers a client can act on:
 * a write that kept colliding with another is 409 CONFLICT (try again), a throttled or
 * unavailable service is 503 SERVICE_UNAVAILABLE (try again shortly). Nothing was written
 * in either case: DynamoDB applies a transaction whole or not at all.
 */
const BUSY = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'LimitExceededException',
  'TimeoutError',
]);

export const appErrorForAwsFault = (error: unknown): AppError | undefined => {
  if (!(error instanceof Error)) return undefined;
  if (
    error.name === 'TransactionCanceledException' &&
    /TransactionConflict/.test(error.message + JSON.stringify((error as { CancellationReasons?: unknown }).CancellationReasons ?? []))
  ) {
    return new AppError(409, 'CONFLICT');
  }
  if (BUSY.has(error.name)) return new AppError(503, 'SERVICE_UNAVAILABLE', { extra: { retryAfterSeconds: 1 } });
  return undefined;
};
