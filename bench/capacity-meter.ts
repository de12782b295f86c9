import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { imagesOf, transactionActions, transactionWriteUnits } from './transaction-units.js';

/** What one DynamoDB request consumed, as the answer's `ConsumedCapacity` reports it. */
interface Consumed {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
}

/** Read and write capacity units, and how many requests reported none (figures then computed elsewhere). */
export interface CapacityTotals {
  readonly requests: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly byOperation: Record<string, Entry>;
  /** Time spent reading item images to compute transaction units (to subtract from wall times). */
  readonly overheadMs: number;
}

interface Entry {
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Requests whose answer carried no ConsumedCapacity. */
  unreported: number;
  /** Transactions whose units were computed from item images instead of the reported figure. */
  computed: number;
}

/** How to compute TransactWriteItems units from the items before and after (see transaction-units.ts). */
export interface TransactionImages {
  readonly client: DynamoDBClient;
  readonly keyNames: readonly [string, string];
  readonly indexes: readonly (readonly [string, string])[];
}

const READ_OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'Query', 'TransactGetItems', 'Scan']);

/**
 * Asks every request of the client for `ReturnConsumedCapacity: 'TOTAL'` (AWS SDK middleware,
 * like RequestCounter) and adds up the read and write units DynamoDB reports. A request whose
 * answer carries no ConsumedCapacity counts as `unreported`.
 */
export class CapacityMeter {
  private byOperation = new Map<string, Entry>();
  private overheadMs = 0;

  /** With `images`, TransactWriteItems units are computed from the items (DynamoDB Local misreports them). */
  attach(client: DynamoDBDocumentClient, images?: TransactionImages): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const input = args.input as Record<string, unknown>;
        if (input && typeof input === 'object' && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
        const actions = images && operation.startsWith('TransactWrite') ? transactionActions(input, images.keyNames) : undefined;
        const before = actions && images ? await this.timed(() => imagesOf(images.client, actions)) : undefined;
        const result = await next(args);
        if (actions && images && before) {
          const after = await this.timed(() => imagesOf(images.client, actions));
          this.record(operation, [{ WriteCapacityUnits: transactionWriteUnits(actions, before, after, images.indexes) }], true);
        } else {
          const reported = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
          this.record(operation, reported === undefined ? undefined : Array.isArray(reported) ? reported : [reported]);
        }
        return result;
      },
      { step: 'initialize', name: 'benchCapacityMeter' },
    );
  }

  private inFlight = 0;
  private busySince = 0;

  /** Runs `read`, adding to overheadMs the wall time during which at least one such read ran (jobs run items in parallel). */
  private async timed<T>(read: () => Promise<T>): Promise<T> {
    if (this.inFlight++ === 0) this.busySince = performance.now();
    try {
      return await read();
    } finally {
      if (--this.inFlight === 0) this.overheadMs += performance.now() - this.busySince;
    }
  }

  private record(operation: string, reported: readonly Consumed[] | undefined, computed = false): void {
    const entry = this.byOperation.get(operation) ?? { requests: 0, readUnits: 0, writeUnits: 0, unreported: 0, computed: 0 };
    entry.requests += 1;
    if (computed) entry.computed += 1;
    if (reported === undefined || reported.length === 0) entry.unreported += 1;
    for (const c of reported ?? []) {
      const read = c.ReadCapacityUnits;
      const write = c.WriteCapacityUnits;
      if (read !== undefined || write !== undefined) {
        entry.readUnits += read ?? 0;
        entry.writeUnits += write ?? 0;
      } else if (READ_OPERATIONS.has(operation)) entry.readUnits += c.CapacityUnits ?? 0;
      else entry.writeUnits += c.CapacityUnits ?? 0;
    }
    this.byOperation.set(operation, entry);
  }

  reset(): void {
    this.byOperation.clear();
    this.overheadMs = 0;
  }

  snapshot(): CapacityTotals {
    const entries = [...this.byOperation].sort(([a], [b]) => a.localeCompare(b));
    const sum = (key: 'requests' | 'readUnits' | 'writeUnits') => entries.reduce((total, [, e]) => total + e[key], 0);
    return {
      requests: sum('requests'),
      readUnits: sum('readUnits'),
      writeUnits: sum('writeUnits'),
      byOperation: Object.fromEntries(entries.map(([name, e]) => [name, { ...e }])),
      overheadMs: this.overheadMs,
    };
  }
}
