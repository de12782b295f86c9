import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { whenConditionsHold, type Db } from './db.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

/**
 * Pull-list markers (decision 019): "title T may have WAITING holds that a copy on branch
 * B's shelf could fill". A marker is written (Put, idempotent) in the same transaction that
 * makes a hold WAITING, for every branch where the title has a copy, and with every new copy;
 * a pull list reads only its branch's markers, and removes a marker once the title has no
 * WAITING hold left.
 */
export interface PullTitle {
  readonly branch: string;
  readonly titleId: string;
  /** When the marker was last written (the writer's real time, not a run's "now"). */
  readonly touchedAt: string;
}

/**
 * A marker is removed only when untouched for this long, so one written a moment ago by a
 * registration whose hold the title's queue (GSI1, eventually consistent) does not show yet
 * is never lost; a run re-writes its markers at least this often (functions/jobs/hold-registration.ts).
 */
export const PULL_TITLE_MIN_AGE_MS = 60 * 60_000;

/** The Put of one marker, as a transaction part. */
export const pullTitlePut = (db: Db, branch: string, titleId: string, touchedAt: Date) => ({
  Put: {
    TableName: db.tableName,
    Item: { ...keys.pullTitle(branch, titleId), type: 'PullTitle', branch, titleId, touchedAt: touchedAt.toISOString() },
  },
});

/** Key of a marker, to tell two parts of one transaction apart (DynamoDB refuses two on one item). */
export const pullTitleId = (branch: string, titleId: string): string => {
  const key = keys.pullTitle(branch, titleId);
  return `${key.PK}|${key.SK}`;
};

export const pullTitleStore = (db: Db) => ({
  /** The titles marked for a branch: one Query per shard, in parallel. */
  async ofBranch(branch: string): Promise<PullTitle[]> {
    const shards = await Promise.all(
      keys.pullTitlePartitions(branch).map((pk) => queryAll<PullTitle>(db, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } })),
    );
    return shards.flat();
  },

  /** Removes a marker untouched since before `untouchedSince`; false when it was written meanwhile. */
  async forget(branch: string, titleId: string, untouchedSince: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new DeleteCommand({
          TableName: db.tableName,
          Key: keys.pullTitle(branch, titleId),
          ConditionExpression: 'touchedAt < :since',
          ExpressionAttributeValues: { ':since': untouchedSince.toISOString() },
        }),
      ),
    );
  },
});

export type PullTitleStore = ReturnType<typeof pullTitleStore>;
