import { randomBytes, randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '../lib/local/dynamodb-local.js';
import { startLocalServices, type LocalServices } from '../lib/local/local-services.js';
import { startSesLocal, type SesLocal } from '../lib/local/ses-local.js';
import { freePort } from '../test/support/free-port.js';

/** Counts DynamoDB requests by operation, through AWS SDK middleware on the real client. */
export class RequestCounter {
  private counts = new Map<string, number>();

  attach(client: DynamoDBDocumentClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'benchRequestCounter' },
    );
  }

  reset(): void {
    this.counts.clear();
  }

  snapshot(): { total: number; byOperation: Record<string, number> } {
    const byOperation = Object.fromEntries([...this.counts].sort());
    return { total: [...this.counts.values()].reduce((a, b) => a + b, 0), byOperation };
  }
}

export interface BenchEnvironment {
  readonly dynamodb: DynamoDbLocal;
  readonly ses: SesLocal;
  readonly services: LocalServices;
  readonly counter: RequestCounter;
  stop(): Promise<void>;
}

/** DynamoDB Local in memory, the SES emulator and the local services on free ports. */
export const startBenchEnvironment = async (): Promise<BenchEnvironment> => {
  const dynamodb = await startDynamoDbLocal({ port: await freePort() });
  const ses = await startSesLocal(0);
  const services = await startLocalServices({
    dynamodbEndpoint: dynamodb.endpoint,
    sesEndpoint: ses.endpoint,
    tableName: `bench-${randomUUID()}`,
    host: '127.0.0.1',
    port: 0,
    signingKeys: { patron: randomBytes(32), staff: randomBytes(32) },
    staffPassword: 'bench',
    tick: false,
    logLevel: 'ERROR',
    demoCatalogTitles: 0,
    webRoot: 'web/dist',
    startAt: new Date('2026-12-01T10:00:00+09:00'),
  });
  const counter = new RequestCounter();
  counter.attach(services.db.client);
  return {
    dynamodb,
    ses,
    services,
    counter,
    async stop() {
      await services.stop();
      await ses.stop();
      await dynamodb.stop();
    },
  };
};

export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
