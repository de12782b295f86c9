import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure, whenConditionsHold, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import { pullTitlePut } from './pull-titles.js';
import { queryAll } from './query-all.js';
import type { Item, Title } from '../domain/catalog.js';

/** A copy as stored: the item plus what a loan adds to it. */
export type StoredItem = Item & { readonly dueDate?: string };
/** A title as stored: its catalog sequence orders it for the search index. */
export type StoredTitle = Title & { readonly sequence: number; readonly branches: readonly string[] };

/** Branches are a string set in the table (added to atomically), an array everywhere else. */
export const toTitle = (item: Record<string, unknown>): StoredTitle => {
  const { branches, ...rest } = stripKeys(item);
  return { ...(rest as unknown as Title & { sequence: number }), branches: branches instanceof Set ? [...(branches as Set<string>)].sort() : [] };
};

export const catalogStore = (db: Db) => {
  /** Catalog changes are numbered; the search index records the number it was built at. */
  const nextSequence = async (count = 1): Promise<number> => {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.catalogSequence,
        UpdateExpression: 'ADD #value :count',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':count': count },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.value);
  };

  return {
    nextSequence,

    async currentSequence(): Promise<number> {
      const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.catalogSequence }));
      return Number(Item?.value ?? 0);
    },

    /** False when the title id is taken. */
    async createTitle(title: Title): Promise<boolean> {
      const sequence = await nextSequence();
      return whenConditionsHold(
        db.client.send(
          new PutCommand({
            TableName: db.tableName,
            Item: { ...keys.title(title.titleId), ...keys.titleInItems(title.titleId), ...keys.titleBySequence(sequence), type: 'Title', ...title, sequence },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      );
    },

    async getTitle(titleId: string): Promise<StoredTitle | undefined> {
      const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.title(titleId) }));
      return Item ? toTitle(Item) : undefined;
    },

    async getTitles(titleIds: readonly string[]): Promise<Map<string, StoredTitle>> {
      const found = new Map<string, StoredTitle>();
      const unique = [...new Set(titleIds)];
      for (let i = 0; i < unique.length; i += 100) {
        let request: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => keys.title(id));
        while (request.length > 0) {
          const result = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: request } } }));
          for (const item of result.Responses?.[db.tableName] ?? []) found.set(item.titleId as string, toTitle(item));
          request = (result.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return found;
    },

    /**
     * Adds a copy and records its branch on the title (for the branch filter of search);
     * the title moves to a new catalog sequence so the search index picks the change up.
     * Returns 'exists' when the barcode is taken, 'no-title' when the title is unknown.
     */
    async createItem(item: Item): Promise<'created' | 'exists' | 'no-title'> {
      const sequence = await nextSequence();
      try {
        await db.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: db.tableName,
                  Item: { ...keys.item(item.itemId), ...keys.itemByTitle(item.titleId, item.itemId), type: 'Item', ...item },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: db.tableName,
                  Key: keys.title(item.titleId),
                  UpdateExpression: 'SET #seq = :seq, GSI3SK = :seqKey ADD branches :branch',
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeNames: { '#seq': 'sequence' },
                  ExpressionAttributeValues: {
                    ':seq': sequence,
                    ':seqKey': keys.titleBySequence(sequence).GSI3SK,
                    ':branch': new Set([item.branch]),
                  },
                },
              },
              // Holds may already wait for the title: this branch's pull list looks at it (decision 019).
              pullTitlePut(db, item.branch, item.titleId, new Date()),
            ],
          }),
        );
        return 'created';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return cancellationCodes(error)[0] === 'ConditionalCheckFailed' ? 'exists' : 'no-title';
      }
    },

    async getItem(itemId: string): Promise<StoredItem | undefined> {
      const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.item(itemId), ConsistentRead: true }));
      return Item ? (stripKeys(Item) as unknown as StoredItem) : undefined;
    },

    /** The copies of a title (GSI1; a title has a handful). */
    async copiesOf(titleId: string): Promise<StoredItem[]> {
      const copies = await queryAll<StoredItem>(db, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :item)',
        ExpressionAttributeValues: { ':pk': keys.titleItemsPartition(titleId), ':item': keys.titlePartitionSort.itemPrefix },
      });
      return copies.sort((a, b) => a.itemId.localeCompare(b.itemId));
    },

    /** Titles changed after `afterSequence`, in sequence order (GSI3), a page at a time. */
    async titlesChangedAfter(afterSequence: number, pageSize = 1000, startKey?: Record<string, unknown>) {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'GSI3',
          KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK > :after',
          ExpressionAttributeValues: { ':pk': keys.catalogPartition, ':after': keys.titleBySequence(afterSequence).GSI3SK },
          Limit: pageSize,
          ExclusiveStartKey: startKey,
        }),
      );
      return {
        titles: (page.Items ?? []).map(toTitle),
        nextKey: page.LastEvaluatedKey,
      };
    },
  };
};

export type CatalogStore = ReturnType<typeof catalogStore>;
