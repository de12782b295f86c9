import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { stripKeys } from './keys.js';

/** Every item a Query matches, following its pages; records come back without key attributes. */
export const queryAll = async <T>(db: Db, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<T[]> => {
  const records: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(new QueryCommand({ TableName: db.tableName, ...input, ExclusiveStartKey: startKey }));
    records.push(...(page.Items ?? []).map((item) => stripKeys(item) as unknown as T));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return records;
};
