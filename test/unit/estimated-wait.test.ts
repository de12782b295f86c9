import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_CATEGORIES, ITEM_STATUSES } from '../../functions/domain/catalog.js';
import { defaultWaitAssumptions, estimateReadyDates, type WaitCopy, type WaitingHold } from '../../functions/domain/estimated-wait.js';
import { addDays } from '../../functions/domain/tokyo-time.js';

const TODAY = '2026-12-02';
const holds = (n: number): WaitingHold[] => Array.from({ length: n }, (_, i) => ({ holdId: `h${i + 1}` }));
const onLoan = (dueDate: string): WaitCopy => ({ category: 'NORMAL', status: 'ON_LOAN', dueDate });
const estimate = (h: readonly WaitingHold[], copies: readonly WaitCopy[], today = TODAY) =>
  estimateReadyDates({ today, holds: h, copies, assumptions: defaultWaitAssumptions });

// A full cycle of one copy through one hold: hand-off, collection on day `collectDay`, loan, return.
const { handoffDays, collectDay, loanDays, returnOffsetDays } = defaultWaitAssumptions;
const cycle = handoffDays + collectDay - 1 + loanDays + returnOffsetDays;

const copyArb: fc.Arbitrary<WaitCopy> = fc
  .record({
    category: fc.constantFrom(...ITEM_CATEGORIES),
    status: fc.constantFrom(...ITEM_STATUSES),
    dueOffset: fc.integer({ min: -40, max: 30 }),
    assigned: fc.option(fc.record({ readyOffset: fc.integer({ min: -7, max: 0 }), deadlineOffset: fc.integer({ min: -1, max: 8 }) }), { nil: undefined }),
  })
  .map(({ category, status, dueOffset, assigned }) => ({
    category,
    status,
    ...(status === 'ON_LOAN' ? { dueDate: addDays(TODAY, dueOffset) } : {}),
    ...(assigned && (status === 'IN_TRANSIT' || status === 'ON_HOLD_SHELF')
      ? { assigned: { readyDate: addDays(TODAY, assigned.readyOffset), pickupDeadline: addDays(TODAY, assigned.deadlineOffset) } }
      : {}),
  }));

describe('SPEC 10.3 estimated wait (domain)', () => {
  it('SPEC 10.3: one copy due in 5 days: the first hold is ready the day after it comes back, the next one a loan cycle later', () => {
    const dates = estimate(holds(3), [onLoan('2026-12-07')]);
    expect(dates.get('h1')).toBe(addDays('2026-12-07', returnOffsetDays + handoffDays));
    expect(dates.get('h2')).toBe(addDays(dates.get('h1')!, cycle));
    expect(dates.get('h3')).toBe(addDays(dates.get('h2')!, cycle));
  });

  it('SPEC 10.3: two copies serve the queue alternately, earliest due date first', () => {
    const dates = estimate(holds(4), [onLoan('2026-12-20'), onLoan('2026-12-05')]);
    expect(dates.get('h1')).toBe(addDays('2026-12-05', returnOffsetDays + handoffDays));
    expect(dates.get('h2')).toBe(addDays('2026-12-20', returnOffsetDays + handoffDays));
    expect(dates.get('h3')).toBe(addDays(dates.get('h1')!, cycle));
  });

  it('SPEC 10.3: an overdue copy is counted as coming back today, never in the past', () => {
    expect(estimate(holds(1), [onLoan('2026-11-01')]).get('h1')).toBe(addDays(TODAY, handoffDays));
  });

  it('SPEC 10.3: only reference-only or missing copies: no copy can fill the holds, the estimate is null', () => {
    const dates = estimate(holds(2), [
      { category: 'REFERENCE_ONLY', status: 'ON_SHELF' },
      { category: 'NORMAL', status: 'MISSING' },
    ]);
    expect([...dates.values()]).toEqual([null, null]);
  });

  it('SPEC 10.3: a missing copy does not count, the copy on loan does', () => {
    const dates = estimate(holds(1), [{ category: 'NORMAL', status: 'MISSING' }, onLoan('2026-12-10')]);
    expect(dates.get('h1')).toBe(addDays('2026-12-10', returnOffsetDays + handoffDays));
  });

  it('SPEC 10.3: a copy on the hold shelf for someone else comes round after that patron collects, borrows and returns it', () => {
    const shelf: WaitCopy = { category: 'NORMAL', status: 'ON_HOLD_SHELF', assigned: { readyDate: '2026-12-01', pickupDeadline: '2026-12-08' } };
    expect(estimate(holds(1), [shelf]).get('h1')).toBe(addDays('2026-12-01', collectDay - 1 + loanDays + returnOffsetDays + handoffDays));
  });

  it('SPEC 10.3: a copy in transit to another hold is later than one in transit back to the shelf', () => {
    const toHold = estimate(holds(1), [{ category: 'NORMAL', status: 'IN_TRANSIT', assigned: {} }]).get('h1')!;
    const toShelf = estimate(holds(1), [{ category: 'NORMAL', status: 'IN_TRANSIT' }]).get('h1')!;
    expect(toShelf).toBe(addDays(TODAY, handoffDays));
    expect(toHold).toBe(addDays(TODAY, cycle + handoffDays));
  });

  it('SPEC 10.3 with 10.1: a suspended hold ahead is passed over: the hold behind gets the copy; the suspended one shows that date (ready by then if resumed today), never a later one', () => {
    const dates = estimate([{ holdId: 'h1', suspendedUntil: '2026-12-20' }, { holdId: 'h2' }], [onLoan('2026-12-05')]);
    expect(dates.get('h2')).toBe(addDays('2026-12-05', returnOffsetDays + handoffDays));
    expect(dates.get('h1')).toBe(dates.get('h2'));
    // Last in the queue, the same suspension waits for its date and the loan cycle ahead of it.
    const last = estimate([{ holdId: 'h2' }, { holdId: 'h1', suspendedUntil: '2026-12-20' }], [onLoan('2026-12-05')]);
    expect(last.get('h1')! >= '2026-12-20').toBe(true);
    expect(last.get('h1')).toBe(addDays(last.get('h2')!, cycle));
  });

  it('SPEC 10.3 with 10.1: a suspension that ends before the copy comes back changes nothing', () => {
    const plain = estimate(holds(2), [onLoan('2026-12-15')]);
    const suspended = estimate([{ holdId: 'h1', suspendedUntil: '2026-12-10' }, { holdId: 'h2' }], [onLoan('2026-12-15')]);
    expect(suspended).toEqual(plain);
  });

  it('SPEC 10.3 with 10.1: a copy free while every hold is suspended waits for the first to resume', () => {
    const dates = estimate([{ holdId: 'h1', suspendedUntil: '2026-12-20' }], [{ category: 'NORMAL', status: 'ON_SHELF' }]);
    expect(dates.get('h1')).toBe(addDays('2026-12-20', handoffDays));
  });

  it('SPEC 10.3: never before today, and not later for an earlier position (any copies, any queue)', () => {
    fc.assert(
      fc.property(fc.array(copyArb, { maxLength: 6 }), fc.integer({ min: 0, max: 30 }), (copies, n) => {
        const dates = estimate(holds(n), copies);
        const values = holds(n).map((h) => dates.get(h.holdId));
        expect(values).toHaveLength(n);
        if (values.some((v) => v === null)) {
          expect(values.every((v) => v === null)).toBe(true);
          return;
        }
        for (const [i, v] of values.entries()) {
          expect(v! >= TODAY).toBe(true);
          if (i > 0) expect(values[i - 1]! <= v!).toBe(true);
        }
      }),
    );
  });

  it('SPEC 10.3: null exactly when no copy can fill holds', () => {
    fc.assert(
      fc.property(fc.array(copyArb, { maxLength: 6 }), (copies) => {
        const fillable = copies.some((c) => c.category !== 'REFERENCE_ONLY' && c.status !== 'MISSING');
        expect(estimate(holds(1), copies).get('h1') === null).toBe(!fillable);
      }),
    );
  });

  it('SPEC 10.3: based on due dates: a later due date never brings an estimate forward, an extra copy never pushes one back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 30 }), { minLength: 1, maxLength: 5 }),
        fc.nat({ max: 4 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (dues, which, later, n) => {
          const copies = dues.map((d) => onLoan(addDays(TODAY, d)));
          const base = estimate(holds(n), copies);
          const delayed = estimate(
            holds(n),
            copies.map((c, i) => (i === which % copies.length ? onLoan(addDays(c.dueDate!, later)) : c)),
          );
          const more = estimate(holds(n), [...copies, onLoan(addDays(TODAY, later))]);
          for (const h of holds(n)) {
            expect(delayed.get(h.holdId)! >= base.get(h.holdId)!).toBe(true);
            expect(more.get(h.holdId)! <= base.get(h.holdId)!).toBe(true);
          }
        },
      ),
    );
  });

  it('SPEC 10.3 with 10.1: with suspended holds too, an earlier position never shows a later date; a suspended hold shows its own date or, earlier, the first date behind it', () => {
    fc.assert(
      fc.property(
        fc.array(copyArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.option(fc.integer({ min: 1, max: 180 }), { nil: undefined }), { maxLength: 20 }),
        (copies, suspensions) => {
          const queue = suspensions.map((s, i) => ({ holdId: `h${i}`, suspendedUntil: s === undefined ? null : addDays(TODAY, s) }));
          const dates = estimate(queue, copies);
          const values = queue.map((h) => dates.get(h.holdId));
          for (let i = 1; i < values.length; i += 1) if (values[i - 1] && values[i]) expect(values[i - 1]! <= values[i]!).toBe(true);
          queue.forEach((h, i) => {
            const date = values[i];
            if (!date || !h.suspendedUntil) return;
            const behind = values
              .slice(i + 1)
              .filter((d): d is string => !!d)
              .sort()[0];
            expect(date >= h.suspendedUntil || date === behind).toBe(true);
          });
        },
      ),
    );
  });
});

describe('SPEC 10.3 measured error (the bench part, on a small simulation)', () => {
  it('SPEC 10.3: the first in the queue is told within a few days; the error grows with the queue but stays bounded', async () => {
    const { benchEstimatedWait } = await import('../../bench/estimated-wait.js');
    const report = benchEstimatedWait(120);
    expect(report.holdsMeasured).toBeGreaterThan(500);
    expect(report.byPosition['1'].medianAbsDays).toBeLessThanOrEqual(2);
    expect(report.error.medianAbsDays).toBeLessThanOrEqual(report.error.p90AbsDays);
    expect(report.error.p90AbsDays).toBeLessThanOrEqual(21);
  });
});
