import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * DynamoDB cancels a transaction that touches an item another transaction is writing at the
 * same moment (`TransactionConflict`, e.g. two holds of one patron placed together: both
 * update the patron's hold count). Nothing was written, so sending it again is safe; the
 * AWS SDK does not, because the error is a TransactionCanceledException. This middleware
 * retries those, and only those (a failed condition is an answer, not a fault), with full
 * jitter so the two writers do not collide again.
 */
export interface ConflictRetryOptions {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export const defaultConflictRetry: ConflictRetryOptions = { attempts: 5, baseDelayMs: 25, maxDelayMs: 400 };

const TRANSACTIONS = new Set(['TransactWriteCommand', 'TransactWriteItemsCommand']);

/** Cancelled only because of a conflict: no condition failed, nothing else went wrong. */
export const isOnlyConflict = (error: unknown): boolean => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  const fromMessage =
    /\[([^\]]*)\]/
      .exec(error.message)?.[1]
      ?.split(',')
      .map((code) => code.trim()) ?? [];
  const codes = reasons.length > 0 ? reasons : fromMessage;
  return codes.includes('TransactionConflict') && codes.every((code) => code === 'TransactionConflict' || code === 'None');
};

/** Full jitter: a random wait up to base·2^attempt, capped. */
export const jitteredDelay = (attempt: number, options: ConflictRetryOptions, random: () => number): number =>
  Math.floor(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt));

export const addConflictRetry = (client: DynamoDBDocumentClient, options: ConflictRetryOptions = defaultConflictRetry): void => {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!TRANSACTIONS.has(String(context.commandName))) return next(args);
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await next(args);
        } catch (error) {
          if (attempt >= options.attempts || !isOnlyConflict(error)) throw error;
          await sleep(jitteredDelay(attempt, options, random));
        }
      }
    },
    { step: 'initialize', name: 'transactionConflictRetry', override: true },
  );
};
