import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
  readonly byOperation: Record<string, { requests: number; readUnits: number; writeUnits: number; unreported: number }>;
}

const READ_OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'Query', 'TransactGetItems', 'Scan']);

/**
 * Asks every request of the client for `ReturnConsumedCapacity: 'TOTAL'` (AWS SDK middleware,
 * like RequestCounter) and adds up the read and write units DynamoDB reports. A request whose
 * answer carries no ConsumedCapacity counts as `unreported`.
 */
export class CapacityMeter {
  private byOperation = new Map<string, { requests: number; readUnits: number; writeUnits: number; unreported: number }>();

  attach(client: DynamoDBDocumentClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const input = args.input as Record<string, unknown>;
        if (input && typeof input === 'object' && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
        const result = await next(args);
        const reported = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
        this.record(operation, reported === undefined ? undefined : Array.isArray(reported) ? reported : [reported]);
        return result;
      },
      { step: 'initialize', name: 'benchCapacityMeter' },
    );
  }

  private record(operation: string, reported: readonly Consumed[] | undefined): void {
    const entry = this.byOperation.get(operation) ?? { requests: 0, readUnits: 0, writeUnits: 0, unreported: 0 };
    entry.requests += 1;
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
  }

  snapshot(): CapacityTotals {
    const entries = [...this.byOperation].sort(([a], [b]) => a.localeCompare(b));
    const sum = (key: 'requests' | 'readUnits' | 'writeUnits') => entries.reduce((total, [, e]) => total + e[key], 0);
    return {
      requests: sum('requests'),
      readUnits: sum('readUnits'),
      writeUnits: sum('writeUnits'),
      byOperation: Object.fromEntries(entries.map(([name, e]) => [name, { ...e }])),
    };
  }
}
