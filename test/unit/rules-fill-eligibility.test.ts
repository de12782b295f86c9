import { describe, expect, it } from 'vitest';
import { fillBlock, isSuspended, predecessorBlocks, suspensionDateValid } from '../../functions/domain/fill-eligibility.js';

describe('SPEC 10.1 suspension dates', () => {
  it('accepts tomorrow up to today + 180 days (JST dates), nothing else', () => {
    expect(suspensionDateValid('2026-12-02', '2026-12-01')).toBe(true);
    expect(suspensionDateValid('2027-05-30', '2026-12-01')).toBe(true);
    expect(suspensionDateValid('2026-12-01', '2026-12-01')).toBe(false);
    expect(suspensionDateValid('2027-05-31', '2026-12-01')).toBe(false);
    expect(suspensionDateValid('2026-11-30', '2026-12-01')).toBe(false);
  });

  it('a hold is suspended until the day before its date, and active again from it by itself', () => {
    expect(isSuspended({ suspendedUntil: '2026-12-05' }, '2026-12-04')).toBe(true);
    expect(isSuspended({ suspendedUntil: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isSuspended({}, '2026-12-05')).toBe(false);
    expect(isSuspended({ suspendedUntil: null }, '2026-12-05')).toBe(false);
  });
});

describe('SPEC 10.2 the previous hold of a sequence', () => {
  it('blocks while active, never once ended or gone', () => {
    for (const state of ['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY'] as const) expect(predecessorBlocks(state)).toBe(true);
    for (const state of ['FULFILLED', 'CANCELLED', 'EXPIRED', undefined] as const) expect(predecessorBlocks(state)).toBe(false);
  });
});

describe('SPEC 10.1 / 10.2 may a hold take a copy today', () => {
  it('says why not: suspended first, then waiting for the previous volume', () => {
    const today = '2026-12-01';
    expect(fillBlock({}, undefined, today)).toBeNull();
    expect(fillBlock({ suspendedUntil: '2026-12-03' }, undefined, today)).toBe('SUSPENDED');
    expect(fillBlock({ suspendedUntil: '2026-12-03', previousHoldId: 'h1' }, 'WAITING', today)).toBe('SUSPENDED');
    expect(fillBlock({ previousHoldId: 'h1' }, 'READY', today)).toBe('WAITS_FOR');
    expect(fillBlock({ previousHoldId: 'h1' }, 'FULFILLED', today)).toBeNull();
    expect(fillBlock({ previousHoldId: 'h1' }, undefined, today)).toBeNull();
    expect(fillBlock({ suspendedUntil: '2026-12-01', previousHoldId: 'h1' }, 'CANCELLED', today)).toBeNull();
  });
});
