import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../common/concurrency.js';
import type { Db } from './db.js';

const PARALLEL_BATCHES = 4;

/** Puts items 25 at a time (a few batches in flight), retrying whatever comes back unprocessed. */
export const putInBatches = async (db: Db, items: readonly Record<string, unknown>[]): Promise<void> => {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25) as Record<string, unknown>[]);
  await mapWithConcurrency(batches, PARALLEL_BATCHES, (batch) => writeBatch(db, batch));
};

const writeBatch = async (db: Db, batch: readonly Record<string, unknown>[]): Promise<void> => {
  let pending: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 8) throw new Error('batch write kept returning unprocessed items');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10));
    const result = await db.client.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending as never } }));
    pending = (result.UnprocessedItems?.[db.tableName] ?? []) as Record<string, unknown>[];
  }
};
