/**
 * SPEC 10.3: the error of the estimated ready date on simulated borrowing (bench/wait-simulation.ts):
 * median and p90 of |estimate − actual| in days, with the production assumptions and, to show
 * they were chosen on the same model, a grid of other return offsets and collection days.
 */
import { defaultWaitAssumptions, estimateReadyDates, type WaitAssumptions } from '../functions/domain/estimated-wait.js';
import { addDays } from '../functions/domain/tokyo-time.js';
import { seeded, simulateTitle, type Observation } from './wait-simulation.js';

const DAY0 = '2026-12-01';
const TITLES = 800;
const SEED = 20261201;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

const dayOf = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${DAY0}T00:00:00Z`)) / 86_400_000;

const errors = (observations: readonly Observation[], assumptions: WaitAssumptions) => {
  const signed = observations.map((o) => {
    const estimate = estimateReadyDates({ today: addDays(DAY0, o.today), holds: o.holds, copies: o.copies, assumptions }).get(o.holdId);
    return dayOf(estimate!) - o.actual;
  });
  const absolute = signed.map(Math.abs).sort((a, b) => a - b);
  return {
    medianAbsDays: percentile(absolute, 0.5),
    p90AbsDays: percentile(absolute, 0.9),
    meanSignedDays: Number((signed.reduce((s, e) => s + e, 0) / Math.max(1, signed.length)).toFixed(2)),
    within3DaysShare: Number((absolute.filter((e) => e <= 3).length / Math.max(1, absolute.length)).toFixed(3)),
  };
};

export const benchEstimatedWait = (titles = TITLES) => {
  const startedAt = performance.now();
  const random = seeded(SEED);
  const observations = Array.from({ length: titles }, () => simulateTitle(random, (day) => addDays(DAY0, day))).flat();
  const simulatedMs = Math.round(performance.now() - startedAt);
  const byPosition = (min: number, max: number) => observations.filter((o) => o.position >= min && o.position <= max);
  const tuning = [];
  for (const returnOffsetDays of [-2, -1, 0, 1, 2]) {
    for (const collectDay of [1, 2, 3, 4]) {
      tuning.push({ returnOffsetDays, collectDay, ...errors(observations, { ...defaultWaitAssumptions, returnOffsetDays, collectDay }) });
    }
  }
  return {
    model: 'titles with 1–5 copies and 0–30 holds; returns 25 % early (1–12 days), 45 % on the due date, 30 % late; collection on pickup days 1–7, 6 % never',
    titles,
    holdsMeasured: observations.length,
    simulatedMs,
    assumptions: defaultWaitAssumptions,
    error: errors(observations, defaultWaitAssumptions),
    byPosition: {
      '1': errors(byPosition(1, 1), defaultWaitAssumptions),
      '2-5': errors(byPosition(2, 5), defaultWaitAssumptions),
      '6-30': errors(byPosition(6, 30), defaultWaitAssumptions),
    },
    tuning: tuning.sort((a, b) => a.medianAbsDays - b.medianAbsDays || a.p90AbsDays - b.p90AbsDays).slice(0, 5),
    elapsedMs: Math.round(performance.now() - startedAt),
  };
};

if (process.argv[1]?.endsWith('estimated-wait.ts')) process.stdout.write(`${JSON.stringify(benchEstimatedWait(), null, 2)}\n`);
