import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, isExpired, ttlSeconds, whenConditionsHold, type Db } from './db.js';
import { keys } from './keys.js';
import type { AttemptWindow } from '../domain/lockout.js';
import type { Account } from './credentials.js';

export type Reservation = { readonly attempt: number; readonly state: AttemptWindow } | { readonly attempt: 'locked' };

const keyOf = (account: Account) => keys.loginAttempts(account.kind, account.id);

/** The attempt window an attempt item holds (empty without one). */
export const windowOf = (item: Record<string, unknown> | undefined): AttemptWindow => ({
  ...(typeof item?.windowStart === 'string' ? { windowStart: item.windowStart } : {}),
  ...(typeof item?.attempts === 'number' ? { attempts: item.attempts } : {}),
  ...(typeof item?.lockedUntil === 'string' ? { lockedUntil: item.lockedUntil } : {}),
  ...(typeof item?.lockLevel === 'number' ? { lockLevel: item.lockLevel } : {}),
  ...(typeof item?.failuresSinceSuccess === 'number' ? { failuresSinceSuccess: item.failuresSinceSuccess } : {}),
});

/**
 * The login-attempt record of an account name, known or not (SPEC 3 and 12). Every write
 * sets the TTL `expiresAt` to when the record stops mattering; reads treat a record past it
 * as absent, since DynamoDB deletes lazily (and DynamoDB Local never).
 */
export const loginAttemptStore = (db: Db) => ({
  async get(account: Account, now: Date): Promise<AttemptWindow> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keyOf(account), ConsistentRead: true }));
    return Item && !isExpired(Item, now) ? windowOf(Item) : {};
  },

  /**
   * Reserves one attempt in the current failure window, atomically, and returns its number
   * (1 = first of the window) with the record as it now is, or `locked` when a lock is in
   * force. Parallel attempts each get a distinct number, so no burst can verify more
   * passwords than the policy allows. The record is created on the first attempt.
   */
  async reserve(account: Account, now: Date, windowCutoff: Date, expiresAt: Date, known: AttemptWindow): Promise<Reservation> {
    const common = { TableName: db.tableName, Key: keyOf(account), ReturnValues: 'ALL_NEW' as const };
    const values = {
      ':now': now.toISOString(),
      ':nowSeconds': ttlSeconds(now),
      ':cutoff': windowCutoff.toISOString(),
      ':one': 1,
      ':ttl': ttlSeconds(expiresAt),
    };
    const live = 'attribute_exists(PK) AND expiresAt > :nowSeconds';
    const notLocked = '(attribute_not_exists(lockedUntil) OR lockedUntil <= :now)';
    const steps = {
      // No record, or one past its TTL that DynamoDB has not deleted yet: start from nothing.
      fresh: {
        UpdateExpression: 'SET windowStart = :now, attempts = :one, failuresSinceSuccess = :one, expiresAt = :ttl REMOVE lockedUntil, lockLevel',
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :nowSeconds',
      },
      // A record whose window has passed: a new window; an earlier lock stays for escalation.
      newWindow: {
        UpdateExpression: 'SET windowStart = :now, attempts = :one, expiresAt = :ttl ADD failuresSinceSuccess :one',
        ConditionExpression: `${live} AND (attribute_not_exists(windowStart) OR windowStart <= :cutoff) AND ${notLocked}`,
      },
      inWindow: {
        UpdateExpression: 'ADD attempts :one, failuresSinceSuccess :one SET expiresAt = :ttl',
        ConditionExpression: `${live} AND windowStart > :cutoff AND ${notLocked}`,
      },
    } as const;
    let state = known;
    for (let round = 0; round < 5; round += 1) {
      // Try first what the last read suggests; the conditions decide either way.
      const open = state.windowStart !== undefined && state.windowStart > windowCutoff.toISOString();
      const empty = Object.keys(state).length === 0;
      const order = open
        ? (['inWindow', 'newWindow', 'fresh'] as const)
        : empty
          ? (['fresh', 'inWindow', 'newWindow'] as const)
          : (['newWindow', 'inWindow', 'fresh'] as const);
      for (const step of order) {
        const { UpdateExpression, ConditionExpression } = steps[step];
        // DynamoDB refuses values an expression does not use.
        const used = Object.fromEntries(Object.entries(values).filter(([name]) => new RegExp(`${name}\\b`).test(`${UpdateExpression} ${ConditionExpression}`)));
        try {
          const { Attributes } = await db.client.send(new UpdateCommand({ ...common, UpdateExpression, ConditionExpression, ExpressionAttributeValues: used }));
          return { attempt: Number(Attributes?.attempts), state: windowOf(Attributes) };
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      state = await this.get(account, now);
      if (state.lockedUntil && state.lockedUntil > now.toISOString()) return { attempt: 'locked' };
    }
    throw new Error('login attempt window under contention');
  },

  /**
   * Locks the account until `until`, once per window: false when the window is gone (a
   * success cleared it) or a lock is already in force (a parallel attempt took it).
   */
  async lock(account: Account, windowStart: string, now: Date, until: Date, level: number, expiresAt: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keyOf(account),
          UpdateExpression: 'SET lockedUntil = :until, lockLevel = :level, expiresAt = :ttl',
          ConditionExpression: 'windowStart = :windowStart AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)',
          ExpressionAttributeValues: {
            ':until': until.toISOString(),
            ':level': level,
            ':ttl': ttlSeconds(expiresAt),
            ':windowStart': windowStart,
            ':now': now.toISOString(),
          },
        }),
      ),
    );
  },

  /** A success forgets failures, locks and the escalation level (SPEC 12). */
  async clear(account: Account): Promise<void> {
    await db.client.send(new DeleteCommand({ TableName: db.tableName, Key: keyOf(account) }));
  },
});

export type LoginAttemptStore = ReturnType<typeof loginAttemptStore>;
