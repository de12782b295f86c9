import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { whenConditionsHold, type Db } from './db.js';
import { keys } from './keys.js';

/** A password hash (login attempts are apart: functions/store/login-attempts.ts). Patrons and staff share this shape. */
export interface Credential {
  readonly passwordHash: string;
  readonly passwordIsInitial: boolean;
  /** ISO instant of the last lock notice mailed (SPEC 12: at most one a day). */
  readonly lockNoticeAt?: string;
}

export type Account = { kind: 'patron'; id: string } | { kind: 'staff'; id: string };

const keyOf = (account: Account) =>
  account.kind === 'patron' ? keys.patronCredential(account.id) : keys.staffCredential(account.id);

export const credentialStore = (db: Db) => ({
  async get(account: Account): Promise<Credential | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keyOf(account), ConsistentRead: true }));
    return Item as Credential | undefined;
  },

  /** Sets a new password and forgets the login attempts: SPEC 3, issuing or resetting also unlocks. */
  async setPassword(account: Account, passwordHash: string, passwordIsInitial: boolean, now: Date): Promise<void> {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keyOf(account),
              UpdateExpression: 'SET passwordHash = :hash, passwordIsInitial = :initial, updatedAt = :now',
              ExpressionAttributeValues: { ':hash': passwordHash, ':initial': passwordIsInitial, ':now': now.toISOString() },
            },
          },
          { Delete: { TableName: db.tableName, Key: keys.loginAttempts(account.kind, account.id) } },
        ],
      }),
    );
  },

  /** Changes the password only if the stored hash is still the one the caller verified. */
  async replacePassword(account: Account, expectedHash: string, passwordHash: string, now: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keyOf(account),
          UpdateExpression: 'SET passwordHash = :hash, passwordIsInitial = :false, updatedAt = :now',
          ConditionExpression: 'passwordHash = :expected',
          ExpressionAttributeValues: { ':hash': passwordHash, ':false': false, ':now': now.toISOString(), ':expected': expectedHash },
        }),
      ),
    );
  },

  /**
   * Claims the day's lock notice: true for the first caller since `since`, false for every
   * other (and for an account without a credential), so at most one mail goes out.
   */
  async claimLockNotice(account: Account, now: Date, since: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keyOf(account),
          UpdateExpression: 'SET lockNoticeAt = :now',
          ConditionExpression: 'attribute_exists(passwordHash) AND (attribute_not_exists(lockNoticeAt) OR lockNoticeAt <= :since)',
          ExpressionAttributeValues: { ':now': now.toISOString(), ':since': since.toISOString() },
        }),
      ),
    );
  },
});

export type CredentialStore = ReturnType<typeof credentialStore>;
