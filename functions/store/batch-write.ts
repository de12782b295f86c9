import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';

/** Puts items 25 at a time, retrying whatever DynamoDB hands back as unprocessed. */
export const putInBatches = async (db: Db, items: readonly Record<string, unknown>[]): Promise<void> => {
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 8) throw new Error('batch write kept returning unprocessed items');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10));
      const result = await db.client.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending as never } }));
      pending = (result.UnprocessedItems?.[db.tableName] ?? []) as Record<string, unknown>[];
    }
  }
};
