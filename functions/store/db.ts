import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addConflictRetry } from './conflict-retry.js';

/** The table a store talks to. Endpoint is set only on the local stack and in tests. */
export interface Db {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * The SDK's own retries, set deliberately: `standard` mode (exponential backoff with jitter
 * for throttling and 5xx answers) with 4 attempts, which fits inside an API function's
 * 10-second timeout; transaction conflicts, which the SDK does not retry, are retried by
 * conflict-retry.ts. What still fails after both is answered 409 or 503, never 500
 * (functions/common/http/aws-errors.ts).
 */
const SDK_RETRIES: DynamoDBClientConfig = { retryMode: 'standard', maxAttempts: 4 };

export const createDb = (tableName: string, config: DynamoDBClientConfig = {}): Db => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ ...SDK_RETRIES, ...config }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  addConflictRetry(client);
  return { client, tableName };
};

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'ConditionalCheckFailedException' || (error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(error.message)));

/** Sends a conditional write: true when it applied, false when a condition did not hold. */
export const whenConditionsHold = async (write: Promise<unknown>): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** Which parts of a cancelled transaction failed, in order (`ConditionalCheckFailed`, `None`, …). */
export const cancellationCodes = (error: unknown): (string | undefined)[] =>
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);

/** Epoch seconds for the TTL attribute. */
export const ttlSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/** DynamoDB removes TTL-expired items lazily (DynamoDB Local never does): treat them as gone. */
export const isExpired = (item: { expiresAt?: number } | undefined, now: Date): boolean => item?.expiresAt !== undefined && item.expiresAt <= ttlSeconds(now);
