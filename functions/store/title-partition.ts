import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import { toTitle, type StoredItem, type StoredTitle } from './catalog.js';
import type { Hold } from './holds.js';

const byItemId = (a: StoredItem, b: StoredItem) => a.itemId.localeCompare(b.itemId);

/**
 * Reads of a title's GSI1 partition (keys.titleInItems): the title, its copies and its queue
 * sort apart, so two neighbouring kinds come with one Query (docs/data-model.md).
 */
export const titlePartitionStore = (db: Db) => {
  const queryPartition = async (titleId: string, condition: string, values: Record<string, string>) => {
    const items: Record<string, unknown>[] = [];
    let startKey: QueryCommandInput['ExclusiveStartKey'];
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: `GSI1PK = :pk AND ${condition}`,
          ExpressionAttributeValues: { ':pk': keys.titleItemsPartition(titleId), ...values },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };
  const sortKey = (item: Record<string, unknown>) => String(item.GSI1SK);
  const { title: titleSort, itemPrefix, queuePrefix } = keys.titlePartitionSort;

  return {
    /**
     * A title and its copies in one Query (SPEC 5.2 rules 1, 4, 6). A title written before its
     * item carried GSI1 keys is read by a GetItem (one request more, same answer).
     */
    async titleWithCopies(titleId: string): Promise<{ title?: StoredTitle; copies: StoredItem[] }> {
      const items = await queryPartition(titleId, 'GSI1SK BETWEEN :title AND :lastItem', { ':title': titleSort, ':lastItem': `${itemPrefix}\uffff` });
      const titleItem = items.find((item) => sortKey(item) === titleSort);
      const copies = items.filter((item) => sortKey(item).startsWith(itemPrefix)).map((item) => stripKeys(item) as unknown as StoredItem);
      if (titleItem) return { title: toTitle(titleItem), copies: copies.sort(byItemId) };
      const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.title(titleId) }));
      return { title: Item ? toTitle(Item) : undefined, copies: copies.sort(byItemId) };
    },

    /** A title's copies and its queue in one Query: what a position and an estimate need (SPEC 10.3). */
    async copiesAndQueue(titleId: string): Promise<{ copies: StoredItem[]; queue: Hold[] }> {
      const items = await queryPartition(titleId, 'GSI1SK >= :firstItem', { ':firstItem': itemPrefix });
      const ofKind = (prefix: string) => items.filter((item) => sortKey(item).startsWith(prefix)).map((item) => stripKeys(item));
      return {
        copies: (ofKind(itemPrefix) as unknown as StoredItem[]).sort(byItemId),
        queue: ofKind(queuePrefix) as unknown as Hold[],
      };
    },
  };
};

export type TitlePartitionStore = ReturnType<typeof titlePartitionStore>;
