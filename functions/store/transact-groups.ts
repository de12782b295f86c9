import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../common/concurrency.js';
import { cancellationCodes, isConditionFailure, type Db } from './db.js';

/** DynamoDB's limit of actions in one transaction. */
const MAX_ACTIONS = 100;
const PARALLEL_TRANSACTIONS = 4;

/** How one group ended: written, or refused by the condition of its part number `part`. */
export type GroupOutcome = { readonly written: true } | { readonly written: false; readonly part: number };

const packed = (groups: readonly (readonly Record<string, unknown>[])[], indexes: readonly number[]): number[][] => {
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const index of indexes) {
    const length = groups[index]?.length ?? 0;
    if (size + length > MAX_ACTIONS && current.length > 0) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(index);
    size += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

/**
 * Bulk conditional writes (the imports): each group is a record's parts (its conditions
 * included), many groups go in one transaction. When conditions refuse, the cancellation
 * reasons say whose: those groups are answered as refused and the others sent again, so a
 * group is written whole or not at all and nothing is ever overwritten blindly.
 */
export const writeGroups = async (db: Db, groups: readonly (readonly Record<string, unknown>[])[]): Promise<GroupOutcome[]> => {
  const outcomes = new Array<GroupOutcome>(groups.length);
  const send = async (batch: readonly number[]): Promise<void> => {
    let pending = [...batch];
    while (pending.length > 0) {
      const parts = pending.flatMap((index) => groups[index] ?? []);
      try {
        await db.client.send(new TransactWriteCommand({ TransactItems: parts as never }));
        for (const index of pending) outcomes[index] = { written: true };
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const codes = cancellationCodes(error);
        let offset = 0;
        const retry: number[] = [];
        for (const index of pending) {
          const length = groups[index]?.length ?? 0;
          const failed = codes.slice(offset, offset + length).indexOf('ConditionalCheckFailed');
          if (failed >= 0) outcomes[index] = { written: false, part: failed };
          else retry.push(index);
          offset += length;
        }
        // No reasons to go by (never seen from DynamoDB): send each group alone to find out.
        if (retry.length === pending.length) {
          if (pending.length === 1) {
            outcomes[pending[0] as number] = { written: false, part: 0 };
            return;
          }
          await Promise.all(pending.map((index) => send([index])));
          return;
        }
        pending = retry;
      }
    }
  };
  const all = groups.map((_, index) => index);
  await mapWithConcurrency(packed(groups, all), PARALLEL_TRANSACTIONS, send);
  return outcomes;
};
