import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { whenConditionsHold, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';

/** SPEC 11: `ADMIN` may do everything, `COUNTER` the counter work. */
export type StaffRole = 'ADMIN' | 'COUNTER';

export interface StaffMember {
  readonly staffId: string;
  readonly name: string;
  readonly branch: string;
  readonly role?: StaffRole;
}

const staffItem = (member: StaffMember) => ({ ...keys.staff(member.staffId), type: 'Staff', ...member });

export const staffStore = (db: Db) => ({
  async get(staffId: string): Promise<StaffMember | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.staff(staffId) }));
    return Item ? (stripKeys(Item) as unknown as StaffMember) : undefined;
  },
  async put(member: StaffMember): Promise<void> {
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: staffItem(member) }));
  },
  /**
   * A new account with its password in one transaction, so there is never a staff member
   * without a credential; an existing staff id is left exactly as it is (false).
   */
  async create(member: StaffMember, passwordHash: string, now: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: db.tableName, Item: staffItem(member), ConditionExpression: 'attribute_not_exists(PK)' } },
            {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.staffCredential(member.staffId), passwordHash, passwordIsInitial: false, credentialVersion: 1, updatedAt: now.toISOString() },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      ),
    );
  },
});

export type StaffStore = ReturnType<typeof staffStore>;
