import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../functions/common/concurrency.js';
import { round, type BenchEnvironment } from './support.js';

const HOLDS = 10_000;
const PATRONS = 1_000;
const TITLES = 500;
const CONCURRENCY = 16;

/**
 * Registration batch throughput for 10,000 provisional holds, against the same engine's raw
 * TransactWriteItems rate (one conditional update per transaction, same concurrency)
 * measured in this run. DynamoDB Local is far slower than DynamoDB: the ratio is the figure.
 */
export const benchRegistrationThroughput = async (env: BenchEnvironment) => {
  const { deps, db } = env.services;
  const now = deps.clock.now();
  const cards = Array.from({ length: PATRONS }, (_, i) => String(70000000 + i));
  await mapWithConcurrency(cards, CONCURRENCY, (cardNumber) =>
    deps.store.patrons.create({ cardNumber, name: 'bench', birthDate: '1990-01-01', contactMethod: 'NONE', internetService: true, createdAt: now.toISOString() }),
  );
  const titles = Array.from({ length: TITLES }, (_, i) => ({ titleId: `RB${i}`, title: `登録ベンチ ${i}`, materialType: 'BOOK' as const }));
  await deps.store.catalogImport.importRecords(
    titles.map((t, i) => ({ ...t, copies: [{ itemId: `RBI${i}`, branch: 'central', category: 'NORMAL' as const, interlibrary: false }] })),
  );
  const placeStarted = performance.now();
  await mapWithConcurrency(Array.from({ length: HOLDS }, (_, i) => i), CONCURRENCY, (i) => {
    // Patron p gets titles (p % 50) * 10 + k for k = 0…9: ten distinct titles each.
    const patron = i % PATRONS;
    const cardNumber = cards[patron] as string;
    const title = titles[(patron % 50) * 10 + Math.floor(i / PATRONS)] as (typeof titles)[number];
    return deps.store.holds.place(
      {
        holdId: randomUUID(),
        cardNumber,
        titleId: title.titleId,
        title: title.title,
        pickupBranch: 'central',
        status: 'PROVISIONAL',
        channel: 'ONLINE',
        requestedAt: new Date(now.getTime() + i).toISOString(),
      },
      15,
    );
  });
  const placeSeconds = (performance.now() - placeStarted) / 1000;

  const registrationStarted = performance.now();
  const outcome = (await env.services.invokeJob({ job: 'hold-registration', trigger: 'manual' })) as { summary: { registered: number } };
  const registrationSeconds = (performance.now() - registrationStarted) / 1000;

  const rawCount = 2_000;
  const rawStarted = performance.now();
  await mapWithConcurrency(Array.from({ length: rawCount }, (_, i) => i), CONCURRENCY, (i) =>
    db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: { PK: `BENCH#${i}`, SK: 'RAW' },
              UpdateExpression: 'SET v = :v',
              ConditionExpression: 'attribute_not_exists(done)',
              ExpressionAttributeValues: { ':v': i },
            },
          },
        ],
      }),
    ),
  );
  const rawPerSecond = rawCount / ((performance.now() - rawStarted) / 1000);
  const registeredPerSecond = outcome.summary.registered / registrationSeconds;
  return {
    holds: HOLDS,
    registered: outcome.summary.registered,
    registrationSeconds: round(registrationSeconds),
    registeredPerSecond: round(registeredPerSecond),
    baselineRawTransactWritesPerSecond: round(rawPerSecond),
    ratioToBaseline: round(registeredPerSecond / rawPerSecond),
    placeHoldsPerSecond: round(HOLDS / placeSeconds),
    note: 'per hold the batch does 1 loan-check Query + 1 conditional UpdateItem (copies cached per title); concurrency 16',
  };
};
