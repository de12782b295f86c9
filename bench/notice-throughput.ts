import { randomUUID } from 'node:crypto';
import { SESClient } from '@aws-sdk/client-ses';
import { mapWithConcurrency } from '../functions/common/concurrency.js';
import { createSesMailer } from '../functions/mail/mailer.js';
import { localCredentials, localRegion } from '../lib/local/dynamodb-local.js';
import { pickupNotices } from '../functions/jobs/pickup-notices.js';
import { runJob } from '../functions/jobs/run-job.js';
import { round, type BenchEnvironment } from './support.js';

const PATRONS = 5_000;
const RATE = 100;
const CONCURRENCY = 16;

/**
 * The pickup-notice run for 5,000 patrons (one READY hold each) against its rate-limited
 * ideal (patrons ÷ rate). Run at 100 mails/s to keep the bench short; at SES's starting
 * quota of 14/s the ideal is 357 s and the run is bound by the limiter the same way.
 */
export const benchNoticeThroughput = async (env: BenchEnvironment) => {
  const { deps } = env.services;
  const now = deps.clock.now();
  const cards = Array.from({ length: PATRONS }, (_, i) => String(80000000 + i));
  await mapWithConcurrency(cards, CONCURRENCY, (cardNumber) =>
    deps.store.patrons.create({
      cardNumber,
      name: 'ベンチ 利用者',
      birthDate: '1990-01-01',
      email: `bench-${cardNumber}@example.jp`,
      contactMethod: 'EMAIL',
      internetService: true,
      createdAt: now.toISOString(),
    }),
  );
  await deps.store.catalogImport.importRecords(
    cards.map((_, i) => ({
      titleId: `NB${i}`,
      title: `通知ベンチ ${i}`,
      materialType: 'BOOK' as const,
      copies: [{ itemId: `NBI${i}`, branch: 'central', category: 'NORMAL' as const, interlibrary: false }],
    })),
  );
  const yesterday = new Date(now.getTime() - 86_400_000);
  await mapWithConcurrency(cards, CONCURRENCY, async (cardNumber) => {
    const i = Number(cardNumber) - 80000000;
    const hold = {
      holdId: randomUUID(),
      cardNumber,
      titleId: `NB${i}`,
      title: `通知ベンチ ${i}`,
      pickupBranch: 'central',
      status: 'WAITING' as const,
      channel: 'COUNTER' as const,
      requestedAt: yesterday.toISOString(),
    };
    await deps.store.holds.place(hold, 15);
    const item = await deps.store.catalog.getItem(`NBI${i}`);
    await deps.store.circulation.assign(
      item!,
      hold,
      'central',
      { readyAt: yesterday.toISOString(), readyDate: '2026-11-30', pickupDeadline: '2026-12-08' },
      [],
      yesterday,
    );
  });
  const mailer = createSesMailer({
    client: new SESClient({ endpoint: env.ses.endpoint, region: localRegion, credentials: localCredentials }),
    ratePerSecond: RATE,
  });
  const started = performance.now();
  const outcome = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'bench' }, { ...deps, mailer }, pickupNotices);
  const seconds = (performance.now() - started) / 1000;
  const ideal = PATRONS / RATE;
  return {
    patrons: PATRONS,
    ratePerSecond: RATE,
    mailed: (outcome.summary as { mailed: number }).mailed,
    runSeconds: round(seconds),
    idealSeconds: ideal,
    ratioToIdeal: round(seconds / ideal),
    idealAtSesStartingQuota14PerSecond: round(PATRONS / 14),
  };
};
