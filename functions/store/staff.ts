import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { keys, stripKeys } from './keys.js';

export interface StaffMember {
  readonly staffId: string;
  readonly name: string;
  readonly branch: string;
}

export const staffStore = (db: Db) => ({
  async get(staffId: string): Promise<StaffMember | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.staff(staffId) }));
    return Item ? (stripKeys(Item) as unknown as StaffMember) : undefined;
  },
  async put(member: StaffMember): Promise<void> {
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...keys.staff(member.staffId), type: 'Staff', ...member } }));
  },
});

export type StaffStore = ReturnType<typeof staffStore>;
