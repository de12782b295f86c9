import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putInBatches } from './batch-write.js';
import type { Db } from './db.js';
import { keys } from './keys.js';
import { putIfAbsent, type Creation } from './put-if-absent.js';
import { forgetReferenceData } from './reference-data.js';

export interface Branch {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly phone?: string;
  /** Display order (the library's own order, not alphabetical). */
  readonly order?: number;
}

export const toBranch = (item: Record<string, unknown>): Branch => ({
  code: item.code as string,
  name: item.name as string,
  nameEn: item.nameEn as string | undefined,
  phone: item.phone as string | undefined,
  order: item.order as number | undefined,
});

const branchItem = (b: Branch) => ({ ...keys.branch(b.code), type: 'Branch', ...b });

export const branchStore = (db: Db) => ({
  /** All branches in one Query (a library has a handful). */
  async list(): Promise<Branch[]> {
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :branch)',
        ExpressionAttributeValues: { ':pk': keys.branchesPartition, ':branch': keys.branchPrefix },
      }),
    );
    return Items.map(toBranch).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  },
  async get(code: string): Promise<Branch | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.branch(code) }));
    return Item ? toBranch(Item) : undefined;
  },
  async putAll(branches: readonly Branch[]): Promise<void> {
    await putInBatches(db, branches.map(branchItem));
    forgetReferenceData(db);
  },
  /** Setup: the branch, unless it exists (its name and order then stay as they are). */
  create: (branch: Branch): Promise<Creation> => putIfAbsent(db, branchItem(branch)).finally(() => forgetReferenceData(db)),
});

export type BranchStore = ReturnType<typeof branchStore>;
