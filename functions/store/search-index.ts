import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putInBatches } from './batch-write.js';
import { ttlSeconds, type Db } from './db.js';

/**
 * The search index is stored with the data: gzip bytes in chunks under one partition, and a
 * pointer to the current version. Old versions expire a day after they are replaced, so a
 * function still reading one finishes first.
 */
const PARTITION = 'SEARCH_INDEX';
const CHUNK_BYTES = 350 * 1024;
const current = { PK: PARTITION, SK: 'CURRENT' };

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

  async load(pointer: IndexPointer): Promise<Uint8Array> {
    const parts: Buffer[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': PARTITION, ':prefix': `V#${pointer.version}#` },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) parts.push(Buffer.from(item.data as Uint8Array));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    if (parts.length !== pointer.chunks) throw new Error(`search index ${pointer.version} has ${parts.length} of ${pointer.chunks} chunks`);
    return new Uint8Array(Buffer.concat(parts));
  },

  /** Writes the chunks first, then moves the pointer: readers never see a half-written index. */
  async save(bytes: Uint8Array, meta: Omit<IndexPointer, 'version' | 'chunks' | 'bytes'>, now: Date): Promise<IndexPointer> {
    const version = `${now.toISOString()}-${meta.sequence}`;
    const chunks: Record<string, unknown>[] = [];
    for (let offset = 0, n = 0; offset < bytes.length || n === 0; offset += CHUNK_BYTES, n += 1) {
      chunks.push({
        PK: PARTITION,
        SK: `V#${version}#${String(n).padStart(5, '0')}`,
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
      await db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: { PK: PARTITION, SK: `V#${pointer.version}#${String(n).padStart(5, '0')}` },
          UpdateExpression: 'SET expiresAt = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': expiresAt },
        }),
      ).catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
    }
  },
});

export type SearchIndexStore = ReturnType<typeof searchIndexStore>;
