import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putInBatches } from './batch-write.js';
import { ttlSeconds, type Db } from './db.js';

/**
 * The search index is stored with the data: gzip bytes in chunks under one partition, and a
 * pointer to the current version. Old versions expire a day after they are replaced, so a
 * function still reading one finishes first.
 */
const PARTITION = 'SEARCH_INDEX';
const CHUNK_BYTES = 350 * 1024;
/** 8 × 350 KB per BatchGetItem, under its 16 MB answer limit. */
const CHUNKS_PER_BATCH = 8;
const current = { PK: PARTITION, SK: 'CURRENT' };
const chunkKey = (version: string, n: number) => ({ PK: PARTITION, SK: `V#${version}#${String(n).padStart(5, '0')}` });

export interface IndexPointer {
  readonly version: string;
  readonly chunks: number;
  /** The catalog sequence the index includes; later titles are the delta. */
  readonly sequence: number;
  readonly titles: number;
  readonly bytes: number;
  readonly builtAt: string;
  /** The serialized format (SEARCH_INDEX_FORMAT); absent before format 2. */
  readonly format?: number;
}

export const searchIndexStore = (db: Db) => ({
  async pointer(): Promise<IndexPointer | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: current }));
    return Item ? (Item.pointer as IndexPointer) : undefined;
  },

  /**
   * The chunks by key (the pointer counts them), in parallel BatchGets of CHUNKS_PER_BATCH:
   * a cold start waits for the slowest batch, not for one page after another.
   */
  async load(pointer: IndexPointer): Promise<Uint8Array> {
    const chunkKeys = Array.from({ length: pointer.chunks }, (_, n) => chunkKey(pointer.version, n));
    const parts = new Map<string, Uint8Array>();
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < chunkKeys.length; i += CHUNKS_PER_BATCH) batches.push(chunkKeys.slice(i, i + CHUNKS_PER_BATCH));
    await Promise.all(
      batches.map(async (batch) => {
        let request = batch;
        while (request.length > 0) {
          const result = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: request } } }));
          for (const item of result.Responses?.[db.tableName] ?? []) parts.set(item.SK as string, item.data as Uint8Array);
          request = (result.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Record<string, unknown>[];
        }
      }),
    );
    const ordered = chunkKeys.map((key) => parts.get(key.SK)).filter((part): part is Uint8Array => part !== undefined);
    if (ordered.length !== pointer.chunks) throw new Error(`search index ${pointer.version} has ${ordered.length} of ${pointer.chunks} chunks`);
    return new Uint8Array(Buffer.concat(ordered));
  },

  /** Writes the chunks first, then moves the pointer: readers never see a half-written index. */
  async save(bytes: Uint8Array, meta: Omit<IndexPointer, 'version' | 'chunks' | 'bytes'>, now: Date): Promise<IndexPointer> {
    const version = `${now.toISOString()}-${meta.sequence}`;
    const chunks: Record<string, unknown>[] = [];
    for (let offset = 0, n = 0; offset < bytes.length || n === 0; offset += CHUNK_BYTES, n += 1) {
      chunks.push({
        ...chunkKey(version, n),
        data: bytes.subarray(offset, offset + CHUNK_BYTES),
      });
    }
    await putInBatches(db, chunks);
    const pointer: IndexPointer = { ...meta, version, chunks: chunks.length, bytes: bytes.length };
    const previous = await this.pointer();
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...current, pointer } }));
    if (previous) await this.expire(previous, now);
    return pointer;
  },

  /** Lets a replaced version's chunks expire in a day (TTL; readers in flight finish first). */
  async expire(pointer: IndexPointer, now: Date): Promise<void> {
    const expiresAt = ttlSeconds(new Date(now.getTime() + 86_400_000));
    for (let n = 0; n < pointer.chunks; n += 1) {
      await db.client
        .send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: chunkKey(pointer.version, n),
            UpdateExpression: 'SET expiresAt = :at',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':at': expiresAt },
          }),
        )
        .catch((error: Error) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        });
    }
  },
});

export type SearchIndexStore = ReturnType<typeof searchIndexStore>;
