import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure, type Db } from './db.js';
import { keys } from './keys.js';
import type { BasketEntry } from './patron-records.js';

/** SPEC 5.8 予約かご: entries in the patron's partition, counted on the profile to cap its size. */
export const basketStore = (db: Db) => ({
  /** Idempotent: adding a title already in the basket changes nothing. */
  async add(cardNumber: string, entry: BasketEntry, capacity: number): Promise<'added' | 'present' | 'full'> {
    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.basketEntry(cardNumber, entry.titleId), type: 'BasketEntry', ...entry },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: db.tableName,
                Key: keys.patron(cardNumber),
                UpdateExpression: 'ADD basketSize :one',
                ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(basketSize) OR basketSize < :capacity)',
                ExpressionAttributeValues: { ':one': 1, ':capacity': capacity },
              },
            },
          ],
        }),
      );
      return 'added';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [entryCode] = cancellationCodes(error);
      return entryCode === 'ConditionalCheckFailed' ? 'present' : 'full';
    }
  },

  /** Idempotent: removing a title not in the basket changes nothing. */
  async remove(cardNumber: string, titleId: string): Promise<void> {
    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: db.tableName, Key: keys.basketEntry(cardNumber, titleId), ConditionExpression: 'attribute_exists(PK)' } },
            {
              Update: {
                TableName: db.tableName,
                Key: keys.patron(cardNumber),
                UpdateExpression: 'ADD basketSize :minusOne',
                ExpressionAttributeValues: { ':minusOne': -1 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
});

export type BasketStore = ReturnType<typeof basketStore>;
