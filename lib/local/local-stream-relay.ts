import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClientConfig,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { EventPublisher } from '../../functions/common/events.js';
import { relayOutboxEvents, type StreamRecord } from '../../functions/outbox/relay.js';
import type { OutboxStore } from '../../functions/store/outbox.js';

const POLL_MS = 200;

interface ShardReader {
  iterator?: string;
  lastSequence?: string;
}

/**
 * The local stand-in for the stream → Lambda trigger of the outbox relay (decision 014): it
 * reads DynamoDB Local's stream of the table and hands the records to the same
 * relayOutboxEvents the deployed function runs, keeping a record that could not be published
 * for the next round, as Lambda retries from a reported batch item failure.
 * `drain()` relays everything written so far (GET /admin/local/events calls it first).
 */
export class LocalStreamRelay {
  private readonly streams: DynamoDBStreamsClient;
  private readonly shards = new Map<string, ShardReader>();
  private readonly closedShards = new Set<string>();
  private streamArn?: string;
  private unpublished: StreamRecord[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dynamodb: DynamoDBClient,
    private readonly tableName: string,
    private readonly bus: EventPublisher,
    private readonly outbox: Pick<OutboxStore, 'forget'>,
    private readonly logger: Logger,
    streamsConfig: DynamoDBStreamsClientConfig,
  ) {
    this.streams = new DynamoDBStreamsClient(streamsConfig);
  }

  /**
   * Starts at the stream's end: what was written before this start is not replayed.
   * `poll`: relay in the background as Lambda would (npm start). Tests leave it off and
   * drain when they look (GET /admin/local/events): background stream reads by every test
   * stack cost DynamoDB Local more than a minute of a test run.
   */
  async start(poll: boolean): Promise<void> {
    const { Table } = await this.dynamodb.send(new DescribeTableCommand({ TableName: this.tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`table ${this.tableName} has no stream`);
    this.streamArn = Table.LatestStreamArn;
    await this.discoverShards('LATEST');
    if (!poll) return;
    this.timer = setInterval(() => void this.drain(), POLL_MS);
    this.timer.unref();
  }

  /** Relays every record written before the call (one round at a time). */
  drain(): Promise<void> {
    this.chain = this.chain
      .then(() => this.relayUntilQuiet())
      .catch((error) => {
        this.logger.error('local outbox relay failed', { errorMessage: (error as Error).message });
      });
    return this.chain;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.chain;
    this.streams.destroy();
  }

  private async relayUntilQuiet(): Promise<void> {
    for (;;) {
      const fresh = await this.readAllShards();
      this.unpublished.push(...fresh);
      if (this.unpublished.length === 0) return;
      const outcome = await relayOutboxEvents(this.unpublished, this.bus, this.outbox, this.logger);
      if (outcome.failedAt) {
        const from = this.unpublished.findIndex((r) => r.dynamodb?.SequenceNumber === outcome.failedAt);
        this.unpublished = this.unpublished.slice(Math.max(from, 0));
        return; // retried on the next round, as Lambda would
      }
      this.unpublished = [];
      if (fresh.length === 0) return;
    }
  }

  private async readAllShards(): Promise<StreamRecord[]> {
    const records: StreamRecord[] = [];
    let closed = false;
    for (const [shardId, reader] of this.shards) {
      try {
        reader.iterator ??= await this.iteratorFor(shardId, reader.lastSequence ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON', reader.lastSequence);
        const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: reader.iterator, Limit: 1000 })).catch(async () => {
          // An iterator left unused expires: read on at once after the last record seen (from
          // the start of the shard when none was seen yet: nothing was published from it).
          reader.iterator = await this.iteratorFor(shardId, reader.lastSequence ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON', reader.lastSequence);
          return this.streams.send(new GetRecordsCommand({ ShardIterator: reader.iterator, Limit: 1000 }));
        });
        for (const record of page.Records ?? []) {
          records.push(record as StreamRecord);
          reader.lastSequence = record.dynamodb?.SequenceNumber ?? reader.lastSequence;
        }
        reader.iterator = page.NextShardIterator;
        if (!page.NextShardIterator) {
          this.shards.delete(shardId);
          this.closedShards.add(shardId);
          closed = true;
        }
      } catch (error) {
        // An expired or invalid iterator: read on after the last record seen.
        reader.iterator = undefined;
        this.logger.warn('local stream read failed', { shardId, errorMessage: (error as Error).message });
      }
    }
    if (closed) await this.discoverShards('TRIM_HORIZON');
    return records;
  }

  private async discoverShards(position: ShardIteratorType): Promise<void> {
    const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || this.shards.has(shard.ShardId) || this.closedShards.has(shard.ShardId)) continue;
      if (position === 'LATEST' && shard.SequenceNumberRange?.EndingSequenceNumber) continue; // closed before we started
      this.shards.set(shard.ShardId, { iterator: await this.iteratorFor(shard.ShardId, position) });
    }
  }

  private async iteratorFor(shardId: string, type: ShardIteratorType, sequence?: string): Promise<string | undefined> {
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: type, ...(sequence ? { SequenceNumber: sequence } : {}) }),
    );
    return ShardIterator;
  }
}
