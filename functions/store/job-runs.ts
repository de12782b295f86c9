import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, ttlSeconds, type Db } from './db.js';
import { keys } from './keys.js';

export interface JobRun {
  readonly runId: string;
  readonly job: string;
  readonly trigger: 'schedule' | 'manual';
  readonly schedule?: string;
  readonly scheduledTime?: string;
  readonly requestedAt?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly status: 'REQUESTED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  readonly summary?: Record<string, unknown>;
  /** Deliveries that started this run: 1, or more when a failed or stale run was retried. */
  readonly attempts?: number;
}

/** Run records are kept 90 days. */
const RETENTION_DAYS = 90;
const retention = (now: Date) => ttlSeconds(new Date(now.getTime() + RETENTION_DAYS * 86_400_000));

export const jobRunStore = (db: Db) => ({
  async request(run: JobRun, now: Date): Promise<void> {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.jobRun(run.job, run.runId), type: 'JobRun', ...run, expiresAt: retention(now) },
      }),
    );
  },

  /**
   * Marks a run as started. A run id that never started starts; one that FAILED, or is still
   * RUNNING but started before `staleBefore` (its function died or timed out), starts again
   * as a retry; one that succeeded, or is running now, does not: a duplicate delivery.
   * Answers the attempt number, or undefined for a duplicate.
   */
  async start(run: JobRun, now: Date, staleBefore: Date): Promise<number | undefined> {
    const sets = [
      '#type = :type',
      'runId = :runId',
      'job = :job',
      '#trigger = :trigger',
      'startedAt = :startedAt',
      '#status = :running',
      'expiresAt = :ttl',
      'attempts = if_not_exists(attempts, :zero) + :one',
      ...(run.schedule ? ['#schedule = :schedule'] : []),
      ...(run.scheduledTime ? ['scheduledTime = :scheduledTime'] : []),
    ];
    try {
      const { Attributes } = await db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.jobRun(run.job, run.runId),
          UpdateExpression: `SET ${sets.join(', ')} REMOVE finishedAt, summary`,
          ConditionExpression: 'attribute_not_exists(startedAt) OR #status = :failed OR (#status = :running AND startedAt < :staleBefore)',
          ExpressionAttributeNames: {
            '#type': 'type',
            '#trigger': 'trigger',
            '#status': 'status',
            ...(run.schedule ? { '#schedule': 'schedule' } : {}),
          },
          ExpressionAttributeValues: {
            ':type': 'JobRun',
            ':runId': run.runId,
            ':job': run.job,
            ':trigger': run.trigger,
            ':startedAt': run.startedAt,
            ':running': 'RUNNING',
            ':failed': 'FAILED',
            ':staleBefore': staleBefore.toISOString(),
            ':zero': 0,
            ':one': 1,
            ':ttl': retention(now),
            ...(run.schedule ? { ':schedule': run.schedule } : {}),
            ...(run.scheduledTime ? { ':scheduledTime': run.scheduledTime } : {}),
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.attempts ?? 1);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  async finish(job: string, runId: string, outcome: { status: 'SUCCEEDED' | 'FAILED'; finishedAt: string; summary: Record<string, unknown> }) {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.jobRun(job, runId),
        UpdateExpression: 'SET #status = :status, finishedAt = :finishedAt, summary = :summary',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': outcome.status, ':finishedAt': outcome.finishedAt, ':summary': outcome.summary },
      }),
    );
  },

  /** Newest first: run ids begin with their time. */
  async recent(job: string, limit = 50): Promise<JobRun[]> {
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.jobRunsPartition(job) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(({ PK: _pk, SK: _sk, type: _type, expiresAt: _ttl, ...run }) => run as JobRun);
  },
});

export type JobRunStore = ReturnType<typeof jobRunStore>;
