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
  const { branches, itemIds: _itemIds, ...rest } = stripKeys(item);
  return { ...(rest as unknown as Title & { sequence: number }), branches: branches instanceof Set ? [...(branches as Set<string>)].sort() : [] };
};

/**
 * A title's table item: its own key, its place in the title partition and the catalog order
 * (GSI1, GSI3), and the copies it starts with (`itemIds`, `branches`). The one place that
 * lays a new title out, for a title created by staff and one imported with its copies.
 */
export const titleItem = (title: Title, sequence: number, copies: readonly Pick<Item, 'itemId' | 'branch'>[] = []): Record<string, unknown> => {
  const branches = new Set(copies.map((c) => c.branch));
  return {
    ...keys.title(title.titleId),
    ...keys.titleInItems(title.titleId),
    ...keys.titleBySequence(sequence),
    type: 'Title',
    ...title,
    sequence,
    ...(branches.size ? { branches } : {}),
    itemIds: copies.map((c) => c.itemId),
  };
};

export const catalogStore = (db: Db) => {
  /** BatchGetItem of any number of keys, 100 a request, unprocessed keys sent again. */
  const batchGetAll = async (wanted: readonly Record<string, unknown>[]): Promise<Record<string, unknown>[]> => {
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      let request = wanted.slice(i, i + 100);
      while (request.length > 0) {
        const result = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: request } } }));
        found.push(...(result.Responses?.[db.tableName] ?? []));
        request = (result.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  };

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
            Item: titleItem(title, sequence),
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
      const stored = await batchGetAll([...new Set(titleIds)].map((id) => keys.title(id)));
      return new Map(stored.map((item) => [item.titleId as string, toTitle(item)]));
    },

    /**
     * Adds a copy and records its branch on the title (for the branch filter of search) and its
     * id (so search reads a page's copies in one BatchGet); the title moves to a new catalog
     * sequence so the search index picks the change up. A title stored before `itemIds`
     * existed keeps none (its copies are queried): appending to a list it lacks would start
     * an incomplete one. Returns 'exists' when the barcode is taken, 'no-title' when the
     * title is unknown. `now` stamps the copy's pull-list marker (the service's clock).
     */
    async createItem(item: Item, now: Date): Promise<'created' | 'exists' | 'no-title'> {
      const sequence = await nextSequence();
      const write = (withIds: boolean) =>
        db.client.send(
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
                  UpdateExpression: `SET #seq = :seq, GSI3SK = :seqKey${withIds ? ', itemIds = list_append(itemIds, :id)' : ''} ADD branches :branch`,
                  ConditionExpression: `attribute_exists(PK) AND ${withIds ? 'attribute_exists' : 'attribute_not_exists'}(itemIds)`,
                  ExpressionAttributeNames: { '#seq': 'sequence' },
                  ExpressionAttributeValues: {
                    ':seq': sequence,
                    ':seqKey': keys.titleBySequence(sequence).GSI3SK,
                    ':branch': new Set([item.branch]),
                    ...(withIds ? { ':id': [item.itemId] } : {}),
                  },
                },
              },
              // Holds may already wait for the title: this branch's pull list looks at it (decision 019).
              pullTitlePut(db, item.branch, item.titleId, now),
            ],
          }),
        );
      for (const withIds of [true, false]) {
        try {
          await write(withIds);
          return 'created';
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          if (cancellationCodes(error)[0] === 'ConditionalCheckFailed') return 'exists';
        }
      }
      return 'no-title';
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

    /**
     * Titles with their copies, for a page of search results: one BatchGet of the titles,
     * then one of all their copies by the ids each title keeps (100 keys a request). A title
     * stored before it kept ids has its copies queried instead.
     */
    async titlesWithCopies(titleIds: readonly string[]): Promise<Map<string, { title: StoredTitle; copies: StoredItem[] }>> {
      const unique = [...new Set(titleIds)];
      const stored = await batchGetAll(unique.map((id) => keys.title(id)));
      const copyIds = new Map<string, readonly string[] | undefined>();
      const titles = new Map<string, StoredTitle>();
      for (const item of stored) {
        const title = toTitle(item);
        titles.set(title.titleId, title);
        copyIds.set(title.titleId, Array.isArray(item.itemIds) ? (item.itemIds as string[]) : undefined);
      }
      const wanted = [...copyIds.values()].flatMap((ids) => ids ?? []);
      const [copies, legacy] = await Promise.all([
        batchGetAll(wanted.map((id) => keys.item(id))),
        Promise.all([...copyIds].filter(([, ids]) => ids === undefined).map(async ([titleId]) => [titleId, await this.copiesOf(titleId)] as const)),
      ]);
      const byTitle = new Map<string, StoredItem[]>(legacy.map(([titleId, list]) => [titleId, list]));
      for (const copy of copies.map((c) => stripKeys(c) as unknown as StoredItem)) {
        const list = byTitle.get(copy.titleId) ?? [];
        list.push(copy);
        byTitle.set(copy.titleId, list);
      }
      const result = new Map<string, { title: StoredTitle; copies: StoredItem[] }>();
      for (const [titleId, title] of titles) {
        result.set(titleId, { title, copies: (byTitle.get(titleId) ?? []).sort((a, b) => a.itemId.localeCompare(b.itemId)) });
      }
      return result;
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
