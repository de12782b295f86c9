/**
 * Simulated borrowing for measuring the SPEC 10.3 estimate (docs/decisions/016-estimated-wait.md).
 * One title at a time, day by day: copies on loan come back around their due dates, go to the
 * first waiting hold (the hold shelf at once when returned at its pickup branch, else a day or
 * two in transit), are collected on some day of the pickup period (or never: the hold expires
 * and the copy goes on) and lent for 14 days. Each hold's estimate is taken from the state on
 * the day it becomes WAITING, with the production function, and compared with the day its copy
 * actually reached the hold shelf.
 */
import type { WaitCopy, WaitingHold } from '../functions/domain/estimated-wait.js';
import { LOAN_DAYS } from '../functions/domain/loans.js';

export type Random = () => number;

/** mulberry32: a small seeded generator, so every run simulates the same borrowing. */
export const seeded = (seed: number): Random => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/**
 * Return date minus due date: a quarter early (up to 12 days), 45 % on the due date, 30 % late
 * (1 day and more, most within a week, a few weeks at worst).
 */
export const returnOffset = (random: Random): number => {
  const r = random();
  if (r < 0.25) return -int(random, 1, 12);
  if (r < 0.7) return 0;
  let late = 1;
  while (random() < 0.75 && late < 30) late += 1;
  return late;
};

/** Day of the pickup period the patron comes (1 = the ready day); null: never comes (6 %). */
export const collectionDay = (random: Random): number | null => {
  const r = random();
  if (r < 0.06) return null;
  const weights = [0.3, 0.2, 0.14, 0.1, 0.08, 0.06, 0.06];
  let u = random() * weights.reduce((s, w) => s + w, 0);
  for (const [i, w] of weights.entries()) if ((u -= w) < 0) return i + 1;
  return 7;
};

export interface Observation {
  /** What the estimate saw on the day the hold became WAITING (days as numbers from day 0). */
  readonly today: number;
  readonly holds: readonly WaitingHold[];
  readonly copies: readonly WaitCopy[];
  readonly holdId: string;
  readonly position: number;
  /** The day its copy reached the hold shelf. */
  readonly actual: number;
}

const BRANCHES = 6;
const PICKUP_DAYS = 7;
const HORIZON = 500;

type Copy =
  | { state: 'shelf'; branch: number }
  | { state: 'loan'; due: number; returnDay: number }
  | { state: 'transit'; hold: number; arrives: number }
  | { state: 'ready'; hold: number; readyDay: number; deadline: number; collectOn: number | null };

interface SimHold {
  readonly id: number;
  readonly arrives: number;
  readonly pickup: number;
  waitingFrom?: number;
  ready?: number;
}

/** `toDate` turns a simulated day into the YYYY-MM-DD the production function reads. */
export const simulateTitle = (random: Random, toDate: (day: number) => string): Observation[] => {
  const copyCount = int(random, 1, 5);
  const holdCount = int(random, 0, 30);
  const copies: Copy[] = Array.from({ length: copyCount }, () => {
    if (random() < 0.15) return { state: 'shelf', branch: int(random, 0, BRANCHES - 1) };
    const due = int(random, 0, LOAN_DAYS);
    return { state: 'loan', due, returnDay: Math.max(0, due + returnOffset(random)) };
  });
  // A burst of holds when the title is new or talked about, then a trickle over six weeks.
  const burst = int(random, 0, holdCount);
  const holds: SimHold[] = Array.from({ length: holdCount }, (_, id) => ({
    id,
    arrives: id < burst ? 0 : int(random, 0, 42),
    pickup: int(random, 0, BRANCHES - 1),
  })).sort((a, b) => a.arrives - b.arrives);
  const pending = holds.slice(); // in queue order, WAITING or not yet placed
  const observations: { hold: SimHold; obs: Omit<Observation, 'actual'> }[] = [];

  const assign = (copyIndex: number, day: number, at: number) => {
    const hold = pending.find((h) => h.waitingFrom !== undefined && h.ready === undefined);
    if (!hold) return void (copies[copyIndex] = { state: 'shelf', branch: at });
    pending.splice(pending.indexOf(hold), 1);
    if (hold.pickup === at) setReady(copyIndex, hold, day);
    else copies[copyIndex] = { state: 'transit', hold: hold.id, arrives: day + (random() < 0.8 ? 1 : 2) };
  };
  const setReady = (copyIndex: number, hold: SimHold, day: number) => {
    hold.ready = day;
    const collect = collectionDay(random);
    copies[copyIndex] = { state: 'ready', hold: hold.id, readyDay: day, deadline: day + PICKUP_DAYS, collectOn: collect === null ? null : day + collect - 1 };
  };
  const asWaitCopy = (copy: Copy): WaitCopy => {
    switch (copy.state) {
      case 'shelf':
        return { category: 'NORMAL', status: 'ON_SHELF' };
      case 'loan':
        return { category: 'NORMAL', status: 'ON_LOAN', dueDate: toDate(copy.due) };
      case 'transit':
        return { category: 'NORMAL', status: 'IN_TRANSIT', assigned: {} };
      case 'ready':
        return { category: 'NORMAL', status: 'ON_HOLD_SHELF', assigned: { readyDate: toDate(copy.readyDay), pickupDeadline: toDate(copy.deadline) } };
    }
  };

  for (let day = 0; day < HORIZON && holds.some((h) => h.ready === undefined); day += 1) {
    // 07:00 registration: the day's holds join the queue; the estimate is taken now.
    for (const hold of holds.filter((h) => h.arrives === day)) {
      hold.waitingFrom = day;
      const queue = pending.filter((h) => h.waitingFrom !== undefined && h.ready === undefined);
      observations.push({
        hold,
        obs: {
          today: day,
          holds: queue.map((h) => ({ holdId: String(h.id) })),
          copies: copies.map(asWaitCopy),
          holdId: String(hold.id),
          position: queue.indexOf(hold) + 1,
        },
      });
    }
    for (const [i, copy] of copies.entries()) {
      if (copy.state === 'ready') {
        if (copy.collectOn !== null && copy.collectOn <= day) {
          const due = day + LOAN_DAYS;
          copies[i] = { state: 'loan', due, returnDay: Math.max(day + 1, due + returnOffset(random)) };
        } else if (day > copy.deadline) {
          // 06:00 expiry: the copy goes on from the hold shelf (the pickup branch of the expired hold).
          assign(i, day, holds.find((h) => h.id === copy.hold)!.pickup);
        }
      } else if (copy.state === 'loan' && copy.returnDay <= day) {
        assign(i, day, int(random, 0, BRANCHES - 1));
      } else if (copy.state === 'transit' && copy.arrives <= day) {
        setReady(i, holds.find((h) => h.id === copy.hold)!, day);
      } else if (copy.state === 'shelf') {
        // On the pull list of the next opening day: fetched and sent on (or shelved for the patron).
        const waiting = pending.some((h) => h.waitingFrom !== undefined && h.waitingFrom < day && h.ready === undefined);
        if (waiting) assign(i, day, copy.branch);
      }
    }
  }
  return observations.flatMap(({ hold, obs }) => (hold.ready === undefined ? [] : [{ ...obs, actual: hold.ready }]));
};
