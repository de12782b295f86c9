import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { whenConditionsHold, type Db } from './db.js';

/** Outcome of a write that only creates: an item already there is left exactly as it is. */
export type Creation = 'created' | 'unchanged';

/** Puts the item unless its key exists (setup runs twice without changing anything). */
export const putIfAbsent = async (db: Db, item: Record<string, unknown>): Promise<Creation> =>
  (await whenConditionsHold(db.client.send(new PutCommand({ TableName: db.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }))))
    ? 'created'
    : 'unchanged';
