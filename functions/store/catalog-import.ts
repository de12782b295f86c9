import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { putInBatches } from './batch-write.js';
import type { Db } from './db.js';
import { keys } from './keys.js';
import { catalogStore, titleItem } from './catalog.js';
import type { Item, Title } from '../domain/catalog.js';

export type ImportRecord = Title & { readonly copies: readonly Omit<Item, 'titleId' | 'location' | 'status'>[] };

const existingKeys = async (db: Db, wanted: readonly Record<string, string>[]): Promise<Set<string>> => {
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 100) {
    let request: Record<string, unknown>[] = wanted.slice(i, i + 100);
    while (request.length > 0) {
      const result = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: request, ProjectionExpression: 'PK' } } }));
      for (const item of result.Responses?.[db.tableName] ?? []) found.add(item.PK as string);
      request = (result.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
};

/**
 * Bulk catalog load (the import command, the admin route, the demo data): titles new to the
 * catalog are written with their copies in batches; a title or copy that already exists is
 * left untouched and reported, so an import never overwrites a copy that is out on loan.
 */
const importCatalog = async (db: Db, records: readonly ImportRecord[]) => {
  const catalog = catalogStore(db);
  const titleKeys = records.map((r) => keys.title(r.titleId));
  const itemKeys = records.flatMap((r) => r.copies.map((c) => keys.item(c.itemId)));
  const existing = await existingKeys(db, [...titleKeys, ...itemKeys]);
  const fresh = records.filter((r) => !existing.has(keys.title(r.titleId).PK));
  const skipped = records.filter((r) => existing.has(keys.title(r.titleId).PK)).map((r) => r.titleId);
  const clashingItems = fresh.flatMap((r) => r.copies.filter((c) => existing.has(keys.item(c.itemId).PK)).map((c) => c.itemId));
  const clashing = new Set(clashingItems);

  const last = fresh.length ? await catalog.nextSequence(fresh.length) : 0;
  let sequence = last - fresh.length;
  const items: Record<string, unknown>[] = [];
  for (const { copies, ...title } of fresh) {
    sequence += 1;
    const kept = copies.filter((c) => !clashing.has(c.itemId));
    items.push(titleItem(title, sequence, kept));
    for (const copy of kept) {
      items.push({
        ...keys.item(copy.itemId),
        ...keys.itemByTitle(title.titleId, copy.itemId),
        type: 'Item',
        ...copy,
        titleId: title.titleId,
        location: copy.branch,
        status: 'ON_SHELF',
      });
    }
  }
  await putInBatches(db, items);
  return { titles: fresh.length, copies: items.length - fresh.length, existingTitles: skipped, existingItems: clashingItems };
};

export const catalogImportStore = (db: Db) => ({
  importRecords: (records: readonly ImportRecord[]) => importCatalog(db, records),
});
