import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import { queryAll } from './query-all.js';
import type { StaffRole } from '../wiring.js';

export interface StaffMember {
  readonly staffId: string;
  readonly name: string;
  /** Absent on accounts made before roles (SPEC 11): they were all administrators. */
  readonly role?: StaffRole;
  readonly branch?: string;
  readonly disabled?: boolean;
  readonly createdAt?: string;
  readonly disabledAt?: string;
}

/** The role an account acts with: accounts made before roles existed are ADMIN. */
export const roleOf = (member: Pick<StaffMember, 'role'>): StaffRole => member.role ?? 'ADMIN';

export type DisableOutcome = 'disabled' | 'already-disabled' | 'not-found';

const profileItem = (member: StaffMember) => ({ ...keys.staff(member.staffId), ...keys.staffListed(member.staffId), type: 'Staff', ...member });

export const staffStore = (db: Db) => {
  const get = async (staffId: string): Promise<StaffMember | undefined> => {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.staff(staffId), ConsistentRead: true }));
    return Item ? (stripKeys(Item) as unknown as StaffMember) : undefined;
  };
  return {
    get,

    /** Writes the profile as given (demo seed); accounts made through the API use `create`. */
    async put(member: StaffMember): Promise<void> {
      await db.client.send(new PutCommand({ TableName: db.tableName, Item: profileItem(member) }));
    },

    /**
     * A new account with its password, both only if the id was never used (a disabled id
     * stays taken). False when it was.
     */
    async create(member: StaffMember, passwordHash: string, now: Date): Promise<boolean> {
      try {
        await db.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: db.tableName, Item: profileItem(member), ConditionExpression: 'attribute_not_exists(PK)' } },
              {
                Put: {
                  TableName: db.tableName,
                  Item: { ...keys.staffCredential(member.staffId), passwordHash, passwordIsInitial: false, credentialVersion: 1, updatedAt: now.toISOString() },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Every account, by id, disabled ones included (SPEC 11). */
    async list(): Promise<StaffMember[]> {
      return queryAll<StaffMember>(db, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.staffListPartition },
      });
    },

    /**
     * SPEC 11: marks the profile disabled and, in the same transaction, drops the password
     * hash and raises the credential version, so the account can no longer log in and every
     * token issued to it answers 401 from the next request on.
     */
    async disable(staffId: string, now: Date): Promise<DisableOutcome> {
      try {
        await db.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: db.tableName,
                  Key: keys.staff(staffId),
                  UpdateExpression: 'SET disabled = :true, disabledAt = :now',
                  ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(disabled) OR disabled <> :true)',
                  ExpressionAttributeValues: { ':true': true, ':now': now.toISOString() },
                },
              },
              {
                Update: {
                  TableName: db.tableName,
                  Key: keys.staffCredential(staffId),
                  UpdateExpression: 'SET disabled = :true, updatedAt = :now REMOVE passwordHash ADD credentialVersion :one',
                  ExpressionAttributeValues: { ':true': true, ':now': now.toISOString(), ':one': 1 },
                },
              },
            ],
          }),
        );
        return 'disabled';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (cancellationCodes(error)[0] !== 'ConditionalCheckFailed') throw error;
        return (await get(staffId)) ? 'already-disabled' : 'not-found';
      }
    },
  };
};

export type StaffStore = ReturnType<typeof staffStore>;
