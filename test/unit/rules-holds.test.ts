import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../functions/domain/calendar.js';
import {
  categoryRefusal,
  defaultHoldPolicy,
  holdRefusal,
  isActive,
  isLongOverdue,
  lendableCopies,
  PATRON_CANCELLABLE,
  registrationRefusal,
  stateLabels,
  type CopyFacts,
} from '../../functions/domain/holds.js';
import { registersAt, registrationGate } from '../../functions/domain/registration-schedule.js';
import { tokyoIso } from '../../functions/domain/tokyo-time.js';

const TODAY = '2026-12-01';
const shelf: CopyFacts = { category: 'NORMAL', status: 'ON_SHELF' };
const onLoanDue = (dueDate: string): CopyFacts => ({ category: 'NORMAL', status: 'ON_LOAN', dueDate });

describe('SPEC 5.2 rule 1: which copies allow a hold, online and at the counter', () => {
  it('a NORMAL copy allows both', () => {
    expect(categoryRefusal([shelf], 'online')).toBeUndefined();
    expect(categoryRefusal([{ category: 'CONTEST', status: 'ON_SHELF' }, shelf], 'online')).toBeUndefined();
  });
  it.each(['CONTEST', 'LATEST_ISSUE'] as const)('%s copies only: COUNTER_ONLY online, allowed at the counter', (category) => {
    expect(categoryRefusal([{ category, status: 'ON_SHELF' }], 'online')).toBe('COUNTER_ONLY');
    expect(categoryRefusal([{ category, status: 'ON_SHELF' }], 'counter')).toBeUndefined();
  });
  it('reference-only copies, missing copies or no copies at all: NOT_HOLDABLE on both channels', () => {
    for (const copies of [[{ category: 'REFERENCE_ONLY', status: 'ON_SHELF' }], [{ category: 'NORMAL', status: 'MISSING' }], []] as CopyFacts[][]) {
      expect(categoryRefusal(copies, 'online')).toBe('NOT_HOLDABLE');
      expect(categoryRefusal(copies, 'counter')).toBe('NOT_HOLDABLE');
    }
  });
  it('a missing NORMAL copy beside a contest copy leaves COUNTER_ONLY', () => {
    expect(
      categoryRefusal(
        [
          { category: 'NORMAL', status: 'MISSING' },
          { category: 'CONTEST', status: 'ON_LOAN' },
        ],
        'online',
      ),
    ).toBe('COUNTER_ONLY');
  });
});

describe('SPEC 5.2 rule 4: LONG_OVERDUE', () => {
  it('the only lendable copy, due more than 30 days ago', () => {
    expect(isLongOverdue([onLoanDue('2026-10-31')], TODAY, defaultHoldPolicy)).toBe(true);
  });
  it('exactly 30 days past the due date is not yet long overdue', () => {
    expect(isLongOverdue([onLoanDue('2026-11-01')], TODAY, defaultHoldPolicy)).toBe(false);
  });
  it('longOverdueDays is configuration', () => {
    expect(isLongOverdue([onLoanDue('2026-11-20')], TODAY, { ...defaultHoldPolicy, longOverdueDays: 10 })).toBe(true);
  });
  it('another lendable copy (even on loan) means the title can still come back', () => {
    expect(isLongOverdue([onLoanDue('2026-01-01'), onLoanDue('2026-12-10')], TODAY, defaultHoldPolicy)).toBe(false);
  });
  it('reference-only and missing copies do not count as other copies', () => {
    const others: CopyFacts[] = [
      { category: 'REFERENCE_ONLY', status: 'ON_SHELF' },
      { category: 'NORMAL', status: 'MISSING' },
    ];
    expect(lendableCopies([onLoanDue('2026-01-01'), ...others])).toHaveLength(1);
    expect(isLongOverdue([onLoanDue('2026-01-01'), ...others], TODAY, defaultHoldPolicy)).toBe(true);
  });
  it('a single copy on the shelf, or on loan without a due date, is not overdue', () => {
    expect(isLongOverdue([shelf], TODAY, defaultHoldPolicy)).toBe(false);
    expect(isLongOverdue([{ category: 'NORMAL', status: 'ON_LOAN' }], TODAY, defaultHoldPolicy)).toBe(false);
  });
  it('only a copy on loan is overdue: an old due date left on a copy back on the shelf or in transit does not count', () => {
    expect(isLongOverdue([{ category: 'NORMAL', status: 'ON_SHELF', dueDate: '2026-01-01' }], TODAY, defaultHoldPolicy)).toBe(false);
    expect(isLongOverdue([{ category: 'NORMAL', status: 'IN_TRANSIT', dueDate: '2026-01-01' }], TODAY, defaultHoldPolicy)).toBe(false);
  });
});

describe('SPEC 5.2 rules 1, 2, 4 together, in the SPEC’s order', () => {
  const facts = (patch: Partial<{ copies: CopyFacts[]; patronHasTitleOnLoan: boolean }>) => ({
    copies: [shelf],
    patronHasTitleOnLoan: false,
    today: TODAY,
    ...patch,
  });
  it('a holdable title: no refusal', () => {
    expect(holdRefusal(facts({}), 'online', defaultHoldPolicy)).toBeUndefined();
  });
  it('rule 2: ALREADY_ON_LOAN', () => {
    expect(holdRefusal(facts({ patronHasTitleOnLoan: true }), 'online', defaultHoldPolicy)).toBe('ALREADY_ON_LOAN');
  });
  it('rule 4: LONG_OVERDUE', () => {
    expect(holdRefusal(facts({ copies: [onLoanDue('2026-10-01')] }), 'online', defaultHoldPolicy)).toBe('LONG_OVERDUE');
  });
  it('rule 1 comes before rule 2, rule 2 before rule 4', () => {
    expect(holdRefusal(facts({ copies: [{ category: 'CONTEST', status: 'ON_LOAN' }], patronHasTitleOnLoan: true }), 'online', defaultHoldPolicy)).toBe('COUNTER_ONLY');
    expect(holdRefusal(facts({ copies: [onLoanDue('2026-10-01')], patronHasTitleOnLoan: true }), 'online', defaultHoldPolicy)).toBe('ALREADY_ON_LOAN');
  });
});

describe('SPEC 5.3 re-check at registration (rules 2–4)', () => {
  it('the patron borrowed the title meanwhile: ALREADY_ON_LOAN', () => {
    expect(registrationRefusal({ copies: [shelf], patronHasTitleOnLoan: true, today: TODAY }, defaultHoldPolicy)).toBe('ALREADY_ON_LOAN');
  });
  it('the only copy became long overdue meanwhile: LONG_OVERDUE', () => {
    expect(registrationRefusal({ copies: [onLoanDue('2026-10-01')], patronHasTitleOnLoan: false, today: TODAY }, defaultHoldPolicy)).toBe('LONG_OVERDUE');
  });
  it('nothing changed: registered', () => {
    expect(registrationRefusal({ copies: [onLoanDue('2026-12-10')], patronHasTitleOnLoan: false, today: TODAY }, defaultHoldPolicy)).toBeUndefined();
  });
  it('rule 1 is not re-checked: a title whose NORMAL copy went missing keeps its queue', () => {
    expect(registrationRefusal({ copies: [{ category: 'NORMAL', status: 'MISSING' }], patronHasTitleOnLoan: false, today: TODAY }, defaultHoldPolicy)).toBeUndefined();
  });
});

describe('SPEC 5.1 / 5.5 states as patrons see them', () => {
  it('each state has the label of SPEC 5.1, in Japanese and English', () => {
    expect(Object.fromEntries(Object.entries(stateLabels).map(([state, label]) => [state, [label.ja, label.en]]))).toEqual({
      PROVISIONAL: ['仮予約', 'Provisional'],
      WAITING: ['予約中', 'Waiting'],
      IN_TRANSIT: ['回送中', 'In transit'],
      READY: ['取置中', 'Ready for pickup'],
      FULFILLED: ['貸出済', 'Borrowed'],
      CANCELLED: ['取消', 'Cancelled'],
      EXPIRED: ['期限切れ', 'Expired'],
    });
  });
  it('a patron may cancel PROVISIONAL and WAITING holds only (SPEC 5.5)', () => {
    expect([...PATRON_CANCELLABLE]).toEqual(['PROVISIONAL', 'WAITING']);
  });
});

describe('SPEC 5.1 active states', () => {
  it('PROVISIONAL, WAITING, IN_TRANSIT and READY count to the limit; the ends do not', () => {
    expect(['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY', 'FULFILLED', 'CANCELLED', 'EXPIRED'].filter((s) => isActive(s as never))).toEqual([
      'PROVISIONAL',
      'WAITING',
      'IN_TRANSIT',
      'READY',
    ]);
  });
});

const day = (branch: string, open: boolean, closesAt = '19:00'): CalendarDay =>
  open ? { branch, date: TODAY, open, opensAt: '09:30', closesAt } : { branch, date: TODAY, open };
const openDay = [day('central', true, '19:00'), day('east', true, '17:00'), day('west', false)];
const closedDay = [day('central', false), day('east', false)];
const at = (time: string) => new Date(`${TODAY}T${time}:00+09:00`);
const every10 = { trigger: 'schedule', schedule: 'every-10-minutes' } as const;

describe('SPEC 5.3 / 8 registration gate', () => {
  it('10-minute runs register from 07:00 up to and including the latest closing time', () => {
    expect(registrationGate(every10, at('07:00'), openDay)).toEqual({ register: true });
    expect(registrationGate(every10, at('18:50'), openDay)).toEqual({ register: true });
    expect(registrationGate(every10, at('19:00'), openDay)).toEqual({ register: true });
  });
  it('before 07:00 and after the latest closing time they do not', () => {
    expect(registrationGate(every10, at('06:50'), openDay)).toEqual({ register: false, reason: 'OUTSIDE_HOURS' });
    expect(registrationGate(every10, at('19:10'), openDay)).toEqual({ register: false, reason: 'OUTSIDE_HOURS' });
  });
  it('the latest closing among open branches counts, not a closed branch’s or an earlier one’s', () => {
    const shortDay = [day('central', true, '17:00'), day('east', false)];
    expect(registrationGate(every10, at('17:00'), shortDay)).toEqual({ register: true });
    expect(registrationGate(every10, at('17:10'), shortDay)).toEqual({ register: false, reason: 'OUTSIDE_HOURS' });
  });
  it('on a day no branch opens, 10-minute runs register nothing', () => {
    expect(registrationGate(every10, at('10:00'), closedDay)).toEqual({ register: false, reason: 'NOT_AN_OPENING_DAY' });
  });
  it('the 07:00 daily run and staff "run now" always register, even on a closed day', () => {
    expect(registrationGate({ trigger: 'schedule', schedule: 'daily-0700' }, at('07:00'), closedDay)).toEqual({ register: true });
    expect(registrationGate({ trigger: 'manual' }, at('23:30'), closedDay)).toEqual({ register: true });
  });
});

describe('SPEC 5.3 registersAt: the run that will register a provisional hold', () => {
  const registers = (time: string, calendar = openDay) => tokyoIso(registersAt(at(time), calendar));
  it('during the day: the next 10-minute run', () => {
    expect(registers('10:01')).toBe('2026-12-01T10:10:00+09:00');
    expect(registers('10:10')).toBe('2026-12-01T10:20:00+09:00');
  });
  it('the last run is at the latest closing time; after it, tomorrow’s 07:00', () => {
    expect(registers('18:55')).toBe('2026-12-01T19:00:00+09:00');
    expect(registers('19:00')).toBe('2026-12-02T07:00:00+09:00');
    expect(registers('21:30')).toBe('2026-12-02T07:00:00+09:00');
  });
  it('before 07:00: that morning’s 07:00 run', () => {
    expect(registers('00:30')).toBe('2026-12-01T07:00:00+09:00');
    expect(registers('06:59')).toBe('2026-12-01T07:00:00+09:00');
  });
  it('on a closed day: the next 07:00', () => {
    expect(registers('10:01', closedDay)).toBe('2026-12-02T07:00:00+09:00');
  });
  it('a closing time with minutes counts to the minute: closing 18:30, the 18:30 run is the last', () => {
    const halfPast = [day('central', true, '18:30')];
    expect(tokyoIso(registersAt(at('18:15'), halfPast))).toBe('2026-12-01T18:20:00+09:00');
    expect(tokyoIso(registersAt(at('18:25'), halfPast))).toBe('2026-12-01T18:30:00+09:00');
    expect(tokyoIso(registersAt(at('18:31'), halfPast))).toBe('2026-12-02T07:00:00+09:00');
  });
});
