import { BatchGetCommand, GetCommand, TransactWriteCommand, UpdateCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { isExpired, whenConditionsHold, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import { windowOf } from './login-attempts.js';
import type { AttemptWindow } from '../domain/lockout.js';
import type { StaffMember } from './staff.js';

/** A password hash and its version. Patrons and staff share this shape. */
export interface Credential {
  readonly passwordHash: string;
  readonly passwordIsInitial: boolean;
  /**
   * Raised by every password change and reset; tokens carry the version they were issued
   * for, so a change ends every earlier session (SPEC 12). Absent on old items: 0.
   */
  readonly credentialVersion?: number;
  /** ISO instant of the last lock notice mailed (SPEC 12: at most one a day). */
  readonly lockNoticeAt?: string;
  /** Staff (SPEC 11): a disabled account keeps its item, without a password hash. */
  readonly disabled?: boolean;
}

export type Account = { kind: 'patron'; id: string } | { kind: 'staff'; id: string };

const keyOf = (account: Account) => (account.kind === 'patron' ? keys.patronCredential(account.id) : keys.staffCredential(account.id));

/** A stored credential item as a credential a password can be checked against, or none. */
export const usableCredential = (item: Record<string, unknown> | undefined): Credential | undefined =>
  !item || item.disabled === true || typeof item.passwordHash !== 'string' ? undefined : (item as unknown as Credential);

export const versionOf = (credential: Pick<Credential, 'credentialVersion'>): number => credential.credentialVersion ?? 0;

/** What a login reads before it reserves an attempt (SPEC 3 / 12). */
export interface LoginRead {
  readonly credential?: Credential;
  readonly attempts: AttemptWindow;
  /** Staff logins: the account's profile (role, disabled). */
  readonly staff?: StaffMember;
}

/** A staff credential item's version; undefined when there is none or the account is disabled (SPEC 11). */
export const staffVersionOf = (item: Record<string, unknown> | undefined): number | undefined => (item && item.disabled !== true ? versionOf(item) : undefined);

export const credentialStore = (db: Db) => ({
  /**
   * The credential, the attempt record and (staff) the profile in one BatchGetItem, all read
   * strongly consistent. An attempt record past its TTL reads as none.
   */
  async forLogin(account: Account, now: Date): Promise<LoginRead> {
    const credentialKey = keyOf(account);
    const attemptsKey = keys.loginAttempts(account.kind, account.id);
    const staffKey = account.kind === 'staff' ? keys.staff(account.id) : undefined;
    const wanted = [credentialKey, attemptsKey, ...(staffKey ? [staffKey] : [])];
    const items: Record<string, unknown>[] = [];
    let keysLeft: Record<string, unknown>[] | undefined = wanted;
    while (keysLeft && keysLeft.length > 0) {
      const answer: BatchGetCommandOutput = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keysLeft, ConsistentRead: true } } }));
      items.push(...(answer.Responses?.[db.tableName] ?? []));
      keysLeft = answer.UnprocessedKeys?.[db.tableName]?.Keys;
    }
    const find = (key: { PK: string; SK: string }) => items.find((item) => item.PK === key.PK && item.SK === key.SK);
    const attempts = find(attemptsKey);
    const staff = staffKey ? find(staffKey) : undefined;
    return {
      credential: usableCredential(find(credentialKey)),
      attempts: attempts && !isExpired(attempts, now) ? windowOf(attempts) : {},
      ...(staff ? { staff: stripKeys(staff) as unknown as StaffMember } : {}),
    };
  },

  /** The credential a password can be checked against; none for a disabled staff account. */
  async get(account: Account): Promise<Credential | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keyOf(account), ConsistentRead: true }));
    return usableCredential(Item);
  },

  /**
   * The version of a staff account's credential, or undefined when the account is unknown
   * or disabled (SPEC 11: its tokens stop working at once). One small read per staff request.
   */
  async staffVersion(staffId: string): Promise<number | undefined> {
    const { Item } = await db.client.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.staffCredential(staffId),
        ConsistentRead: true,
        ProjectionExpression: 'PK, credentialVersion, disabled',
      }),
    );
    return staffVersionOf(Item);
  },

  /** The version of a patron's credential, or undefined when there is none (SPEC 12 session check). */
  async version(cardNumber: string): Promise<number | undefined> {
    const { Item } = await db.client.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.patronCredential(cardNumber),
        ConsistentRead: true,
        ProjectionExpression: 'PK, credentialVersion',
      }),
    );
    return Item ? versionOf(Item) : undefined;
  },

  /**
   * Sets a new password, raising the version (ending every session), and forgets the login
   * attempts: SPEC 3, issuing or resetting also unlocks.
   */
  async setPassword(account: Account, passwordHash: string, passwordIsInitial: boolean, now: Date): Promise<void> {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keyOf(account),
              UpdateExpression: 'SET passwordHash = :hash, passwordIsInitial = :initial, updatedAt = :now ADD credentialVersion :one',
              ExpressionAttributeValues: { ':hash': passwordHash, ':initial': passwordIsInitial, ':now': now.toISOString(), ':one': 1 },
            },
          },
          { Delete: { TableName: db.tableName, Key: keys.loginAttempts(account.kind, account.id) } },
        ],
      }),
    );
  },

  /**
   * Changes the password only if the stored hash is still the one the caller verified;
   * raises the version, so every session of the account ends (SPEC 12).
   */
  async replacePassword(account: Account, expectedHash: string, passwordHash: string, now: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keyOf(account),
          UpdateExpression: 'SET passwordHash = :hash, passwordIsInitial = :false, updatedAt = :now ADD credentialVersion :one',
          ConditionExpression: 'passwordHash = :expected',
          ExpressionAttributeValues: {
            ':hash': passwordHash,
            ':false': false,
            ':now': now.toISOString(),
            ':expected': expectedHash,
            ':one': 1,
          },
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
