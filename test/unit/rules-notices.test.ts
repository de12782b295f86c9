import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../functions/domain/calendar.js';
import { isDueForNotice, noticeDate, noticeRunGate } from '../../functions/domain/notices.js';

const open = (date: string, branch = 'central'): CalendarDay => ({ branch, date, open: true, opensAt: '09:30', closesAt: '19:00' });
const closed = (date: string, branch = 'central'): CalendarDay => ({ branch, date, open: false });

describe('SPEC 5.6 the notice run mails on opening days only', () => {
  it('a scheduled run on an opening day sends', () => {
    expect(noticeRunGate('schedule', [closed('2026-12-01', 'east'), open('2026-12-01')])).toEqual({ send: true });
  });
  it('a scheduled run on a day no branch opens sends nothing', () => {
    expect(noticeRunGate('schedule', [closed('2026-11-30'), closed('2026-11-30', 'east')])).toEqual({ send: false, reason: 'NOT_AN_OPENING_DAY' });
    expect(noticeRunGate('schedule', [])).toEqual({ send: false, reason: 'NOT_AN_OPENING_DAY' });
  });
  it('staff "run now" sends on any day', () => {
    expect(noticeRunGate('manual', [closed('2026-11-30')])).toEqual({ send: true });
  });
});

describe('SPEC 5.6 which holds a run announces', () => {
  const today = '2026-12-02';
  it('READY since an earlier day and not yet notified', () => {
    expect(isDueForNotice({ status: 'READY', readyDate: '2026-12-01' }, today)).toBe(true);
    expect(isDueForNotice({ status: 'READY', readyDate: '2026-11-20' }, today)).toBe(true);
  });
  it('not a hold that became ready today', () => {
    expect(isDueForNotice({ status: 'READY', readyDate: today }, today)).toBe(false);
  });
  it('not twice', () => {
    expect(isDueForNotice({ status: 'READY', readyDate: '2026-12-01', notifiedAt: '2026-12-01T23:00:00.000Z' }, today)).toBe(false);
  });
  it.each(['WAITING', 'IN_TRANSIT', 'FULFILLED', 'EXPIRED', 'CANCELLED'] as const)('not a %s hold', (status) => {
    expect(isDueForNotice({ status, readyDate: '2026-12-01' }, today)).toBe(false);
  });
  it('not a READY hold whose ready date is unknown', () => {
    expect(isDueForNotice({ status: 'READY' }, today)).toBe(false);
  });
});

describe('SPEC 5.4 / 5.6 the notice date: the first opening day after the ready date', () => {
  it('the next day when a branch opens then', () => {
    expect(noticeDate('2026-12-01', [open('2026-12-02'), open('2026-12-03')])).toBe('2026-12-02');
  });
  it('skips a day every branch is closed (ready Sunday, closed Monday → Tuesday)', () => {
    expect(noticeDate('2026-12-06', [closed('2026-12-07'), closed('2026-12-07', 'east'), open('2026-12-08')])).toBe('2026-12-08');
  });
  it('one open branch makes an opening day', () => {
    expect(noticeDate('2026-12-06', [closed('2026-12-07'), open('2026-12-07', 'east')])).toBe('2026-12-07');
    // Not merely the day after: the 7th is closed everywhere, the 8th open at one branch only.
    expect(noticeDate('2026-12-06', [closed('2026-12-07'), closed('2026-12-07', 'east'), closed('2026-12-08'), open('2026-12-08', 'east')])).toBe('2026-12-08');
  });
  it('skips a run of closed days (年末年始), in date order whatever the input order', () => {
    const days = [open('2027-01-05'), open('2027-01-04'), ...['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'].map((d) => closed(d))];
    expect(noticeDate('2026-12-28', days)).toBe('2027-01-04');
  });
  it('the ready date itself and earlier days never count', () => {
    expect(noticeDate('2026-12-02', [open('2026-12-01'), open('2026-12-02'), closed('2026-12-03'), open('2026-12-04')])).toBe('2026-12-04');
  });
  it('with no calendar set that far: the next day', () => {
    expect(noticeDate('2026-12-31', [])).toBe('2027-01-01');
  });
});
