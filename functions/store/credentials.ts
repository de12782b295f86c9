import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, whenConditionsHold, type Db } from './db.js';
import { keys } from './keys.js';
import type { AttemptWindow } from '../domain/lockout.js';

/** A password hash plus its login-attempt window. Patrons and staff share this shape. */
export interface Credential extends AttemptWindow {
  readonly passwordHash: string;
  readonly passwordIsInitial: boolean;
}

export type Account = { kind: 'patron'; id: string } | { kind: 'staff'; id: string };

const keyOf = (account: Account) =>
  account.kind === 'patron' ? keys.patronCredential(account.id) : keys.staffCredential(account.id);

export const credentialStore = (db: Db) => ({
  async get(account: Account): Promise<Credential | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keyOf(account), ConsistentRead: true }));
    return Item as Credential | undefined;
  },

  /** Sets a new password and clears any lock (SPEC 3: issuing or resetting also unlocks). */
  async setPassword(account: Account, passwordHash: string, passwordIsInitial: boolean, now: Date): Promise<void> {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keyOf(account), passwordHash, passwordIsInitial, attempts: 0, updatedAt: now.toISOString() },
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
   * Reserves one attempt in the current failure window, atomically, and returns its number
   * (1 = first of the window), or `locked` when a lock is in force. Parallel attempts each
   * get a distinct number, so no burst can verify more passwords than the policy allows.
   */
  async reserveAttempt(account: Account, now: Date, windowCutoff: Date, known?: Credential): Promise<number | 'locked'> {
    const common = { TableName: db.tableName, Key: keyOf(account), ReturnValues: 'ALL_NEW' as const };
    const values = { ':now': now.toISOString(), ':cutoff': windowCutoff.toISOString(), ':one': 1 };
    const notLocked = '(attribute_not_exists(lockedUntil) OR lockedUntil <= :now)';
    // Start with the branch the caller's read suggests; the conditions decide either way.
    let windowOpen = known?.windowStart !== undefined && known.windowStart > windowCutoff.toISOString();
    for (let round = 0; round < 5; round += 1) {
      if (!windowOpen) {
        try {
          await db.client.send(
            new UpdateCommand({
              ...common,
              UpdateExpression: 'SET windowStart = :now, attempts = :one',
              ConditionExpression: `attribute_exists(passwordHash) AND (attribute_not_exists(windowStart) OR windowStart <= :cutoff) AND ${notLocked}`,
              ExpressionAttributeValues: values,
            }),
          );
          return 1;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      windowOpen = false;
      try {
        const inWindow = await db.client.send(
          new UpdateCommand({
            ...common,
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression: `attribute_exists(passwordHash) AND windowStart > :cutoff AND ${notLocked}`,
            ExpressionAttributeValues: values,
          }),
        );
        return Number(inWindow.Attributes?.attempts);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const current = await this.get(account);
      if (!current) throw new Error('credential vanished during login');
      if (current.lockedUntil && current.lockedUntil > now.toISOString()) return 'locked';
    }
    throw new Error('login attempt window under contention');
  },

  async lockUntil(account: Account, until: Date): Promise<void> {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keyOf(account),
        UpdateExpression: 'SET lockedUntil = :until',
        ConditionExpression: 'attribute_exists(passwordHash)',
        ExpressionAttributeValues: { ':until': until.toISOString() },
      }),
    );
  },

  async clearAttempts(account: Account): Promise<void> {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keyOf(account),
        UpdateExpression: 'SET attempts = :zero REMOVE windowStart, lockedUntil',
        ConditionExpression: 'attribute_exists(passwordHash)',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
  },
});

export type CredentialStore = ReturnType<typeof credentialStore>;
