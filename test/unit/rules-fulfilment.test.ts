import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../functions/domain/calendar.js';
import {
  byQueueOrder,
  canFillHolds,
  deadlineBase,
  holdsBlockRenewal,
  scannedCopyCanFillHolds,
  pickupDeadline,
  planPullLists,
  renewalRefusals,
  renewedDueDate,
  requestedBeforeDay,
  type PullCandidate,
  type ShelfCopy,
} from '../../functions/domain/fulfilment.js';
import type { HoldState } from '../../functions/domain/holds.js';

const BRANCHES = ['central', 'east', 'west', 'miwa'];
const hold = (holdId: string, titleId: string, pickupBranch: string, requestedAt: string): PullCandidate => ({
  holdId,
  titleId,
  title: `title ${titleId}`,
  pickupBranch,
  requestedAt,
});
const copy = (itemId: string, titleId: string, branch: string): ShelfCopy => ({ itemId, titleId, branch });
const listed = (lists: Map<string, { holdId: string; itemId: string }[]>) =>
  Object.fromEntries([...lists].map(([branch, entries]) => [branch, entries.map((e) => `${e.holdId}:${e.itemId}`)]));

describe('SPEC 5.4 pull-list planning', () => {
  it('prefers a copy at the hold’s pickup branch over one at a branch earlier in the library’s order', () => {
    const lists = planPullLists([hold('h1', 'T1', 'west', '2026-12-01T01:00:00.000Z')], [copy('c-central', 'T1', 'central'), copy('c-west', 'T1', 'west')], BRANCHES);
    expect(listed(lists)).toEqual({ west: ['h1:c-west'] });
  });

  it('without a copy at the pickup branch, takes the first branch in the library’s order', () => {
    const lists = planPullLists([hold('h1', 'T1', 'miwa', '2026-12-01T01:00:00.000Z')], [copy('c-west', 'T1', 'west'), copy('c-east', 'T1', 'east')], BRANCHES);
    expect(listed(lists)).toEqual({ east: ['h1:c-east'] });
  });

  it('a copy serves one hold and one hold is on one list; the earlier request gets the copy', () => {
    const holds = [hold('late', 'T1', 'central', '2026-12-01T03:00:00.000Z'), hold('early', 'T1', 'central', '2026-12-01T01:00:00.000Z')];
    const lists = planPullLists(holds, [copy('c1', 'T1', 'central')], BRANCHES);
    expect(listed(lists)).toEqual({ central: ['early:c1'] });
  });

  it('two copies for three holds: the first two in queue order, each with its own copy', () => {
    const holds = [
      hold('h3', 'T1', 'east', '2026-12-01T03:00:00.000Z'),
      hold('h1', 'T1', 'east', '2026-12-01T01:00:00.000Z'),
      hold('h2', 'T1', 'central', '2026-12-01T02:00:00.000Z'),
    ];
    const lists = planPullLists(holds, [copy('c-east', 'T1', 'east'), copy('c-central', 'T1', 'central')], BRANCHES);
    expect(listed(lists)).toEqual({ east: ['h1:c-east'], central: ['h2:c-central'] });
  });

  it('the pickup-branch preference does not let a later hold jump the queue', () => {
    // h1 (earlier, pickup miwa) takes the first copy in branch order; h2 (pickup central) the rest.
    const holds = [hold('h2', 'T1', 'central', '2026-12-01T02:00:00.000Z'), hold('h1', 'T1', 'miwa', '2026-12-01T01:00:00.000Z')];
    const lists = planPullLists(holds, [copy('c-central', 'T1', 'central')], BRANCHES);
    expect(listed(lists)).toEqual({ central: ['h1:c-central'] });
  });

  it('copies of one title never fill holds of another; titles without shelf copies are left out', () => {
    const holds = [hold('a', 'T1', 'central', '2026-12-01T01:00:00.000Z'), hold('b', 'T2', 'central', '2026-12-01T01:00:00.000Z')];
    const lists = planPullLists(holds, [copy('c2', 'T2', 'east')], BRANCHES);
    expect(listed(lists)).toEqual({ east: ['b:c2'] });
  });

  it('an entry names the hold, its title and pickup branch, the copy and the branch whose shelf has it', () => {
    const [entry] = planPullLists([hold('h1', 'T1', 'west', '2026-12-01T01:00:00.000Z')], [copy('c1', 'T1', 'east')], BRANCHES).get('east') ?? [];
    expect(entry).toEqual({
      holdId: 'h1',
      titleId: 'T1',
      title: 'title T1',
      pickupBranch: 'west',
      requestedAt: '2026-12-01T01:00:00.000Z',
      itemId: 'c1',
      branch: 'east',
    });
  });

  it('same request time: the hold id decides, as the queue index sorts', () => {
    const at = '2026-12-01T01:00:00.000Z';
    expect([hold('b', 'T', 'x', at), hold('a', 'T', 'x', at)].sort(byQueueOrder).map((h) => h.holdId)).toEqual(['a', 'b']);
    expect(byQueueOrder(hold('a', 'T', 'x', at), hold('a', 'T', 'x', at))).toBe(0);
    expect(byQueueOrder(hold('b', 'T', 'x', at), hold('a', 'T', 'x', at))).toBeGreaterThan(0);
    expect(byQueueOrder(hold('a', 'T', 'x', at), hold('b', 'T', 'x', at))).toBeLessThan(0);
  });

  it('a copy at a branch outside the library’s order (e.g. a closed-down branch) is taken last', () => {
    const lists = planPullLists([hold('h1', 'T1', 'miwa', '2026-12-01T01:00:00.000Z')], [copy('c-old', 'T1', 'annex'), copy('c-west', 'T1', 'west')], BRANCHES);
    expect(listed(lists)).toEqual({ west: ['h1:c-west'] });
  });

  it('two copies on one shelf: the lower item id is pulled first', () => {
    const lists = planPullLists([hold('h1', 'T1', 'miwa', '2026-12-01T01:00:00.000Z')], [copy('c-2', 'T1', 'east'), copy('c-1', 'T1', 'east')], BRANCHES);
    expect(listed(lists)).toEqual({ east: ['h1:c-1'] });
  });
});

describe('SPEC 5.4 (as corrected): a pull list holds the requests made before its day', () => {
  const requests = [
    hold('evening-before', 'T', 'central', '2026-12-01T12:30:00.000Z'), // 21:30 JST on 12-01
    hold('just-before-midnight', 'T', 'central', '2026-12-01T14:59:59.999Z'), // 23:59:59.999 JST
    hold('at-midnight', 'T', 'central', '2026-12-01T15:00:00.000Z'), // 00:00 JST on 12-02
    hold('morning-of', 'T', 'central', '2026-12-02T01:00:00.000Z'), // 10:00 JST on 12-02
  ];
  it('a 21:30 request (registered by the 07:00 run) is on the next morning’s list; requests of the day itself are not', () => {
    expect(requestedBeforeDay(requests, '2026-12-02').map((h) => h.holdId)).toEqual(['evening-before', 'just-before-midnight']);
  });
  it('the day is the JST date, not the UTC one', () => {
    expect(requestedBeforeDay(requests, '2026-12-03').map((h) => h.holdId)).toEqual(['evening-before', 'just-before-midnight', 'at-midnight', 'morning-of']);
    expect(requestedBeforeDay(requests, '2026-12-01')).toEqual([]);
  });
});

describe('SPEC 5.4 pickup deadline (期限日)', () => {
  const open = (date: string): CalendarDay => ({ branch: 'central', date, open: true, opensAt: '09:30', closesAt: '19:00' });
  const closed = (date: string): CalendarDay => ({ branch: 'central', date, open: false });

  it('a patron who gets mail: the notice date + pickupDays', () => {
    expect(deadlineBase({ readyDate: '2026-12-01', getsMail: true, noticeDate: '2026-12-02', pickupDays: 7 })).toBe('2026-12-09');
    expect(pickupDeadline({ readyDate: '2026-12-01', getsMail: true, noticeDate: '2026-12-02', pickupBranchDays: [open('2026-12-09')], pickupDays: 7 })).toBe(
      '2026-12-09',
    );
  });

  it('a patron who gets no mail: the ready date + pickupDays', () => {
    expect(deadlineBase({ readyDate: '2026-12-01', getsMail: false, noticeDate: '2026-12-02', pickupDays: 7 })).toBe('2026-12-08');
    expect(pickupDeadline({ readyDate: '2026-12-01', getsMail: false, noticeDate: '2026-12-02', pickupBranchDays: [open('2026-12-08')], pickupDays: 7 })).toBe(
      '2026-12-08',
    );
  });

  it('a notice date after a closed day moves the deadline with it (ready Sunday, Monday closed, notice Tuesday)', () => {
    expect(pickupDeadline({ readyDate: '2026-12-06', getsMail: true, noticeDate: '2026-12-08', pickupBranchDays: [open('2026-12-15')], pickupDays: 7 })).toBe(
      '2026-12-15',
    );
  });

  it('a deadline on a closed day moves forward to the pickup branch’s next open date', () => {
    const days = [closed('2026-12-14'), closed('2026-12-15'), open('2026-12-16'), open('2026-12-17')];
    expect(pickupDeadline({ readyDate: '2026-12-06', getsMail: false, noticeDate: '2026-12-06', pickupBranchDays: days, pickupDays: 8 })).toBe('2026-12-16');
  });

  it('days before the base date do not count, and pickupDays is configuration', () => {
    const days = [open('2026-12-03'), closed('2026-12-04'), open('2026-12-05')];
    expect(pickupDeadline({ readyDate: '2026-12-01', getsMail: false, noticeDate: '2026-12-01', pickupBranchDays: days, pickupDays: 3 })).toBe('2026-12-05');
  });

  it('a base date that is open at the pickup branch is the deadline itself', () => {
    expect(
      pickupDeadline({ readyDate: '2026-12-01', getsMail: false, noticeDate: '2026-12-01', pickupBranchDays: [open('2026-12-08'), open('2026-12-09')], pickupDays: 7 }),
    ).toBe('2026-12-08');
  });

  it('with no known calendar past the base date the base date stands', () => {
    expect(pickupDeadline({ readyDate: '2026-12-01', getsMail: false, noticeDate: '2026-12-01', pickupBranchDays: [], pickupDays: 7 })).toBe('2026-12-08');
  });
});

describe('SPEC 5.4 which copies fill holds', () => {
  it('lendable copies that are not missing; reference-only and missing ones never', () => {
    expect(canFillHolds({ category: 'NORMAL', status: 'ON_SHELF' })).toBe(true);
    expect(canFillHolds({ category: 'CONTEST', status: 'ON_LOAN' })).toBe(true);
    expect(canFillHolds({ category: 'REFERENCE_ONLY', status: 'ON_SHELF' })).toBe(false);
    expect(canFillHolds({ category: 'NORMAL', status: 'MISSING' })).toBe(false);
  });
  it('a copy in staff’s hands at check-in fills holds even if recorded missing; reference-only never', () => {
    expect(scannedCopyCanFillHolds({ category: 'NORMAL' })).toBe(true);
    expect(scannedCopyCanFillHolds({ category: 'LATEST_ISSUE' })).toBe(true);
    expect(scannedCopyCanFillHolds({ category: 'REFERENCE_ONLY' })).toBe(false);
  });
});

describe('SPEC 6 renewal', () => {
  const fresh = { dueDate: '2026-12-10', renewed: false, interlibrary: false, titleHasWaitingHolds: false };

  it('a fresh loan before its due date can be renewed, also on the due date itself', () => {
    expect(renewalRefusals(fresh, '2026-12-01')).toEqual([]);
    expect(renewalRefusals(fresh, '2026-12-10')).toEqual([]);
  });

  it.each([
    ['HAS_HOLDS', { titleHasWaitingHolds: true }],
    ['INTERLIBRARY', { interlibrary: true }],
    ['ALREADY_RENEWED', { renewed: true }],
  ] as const)('%s alone', (code, patch) => {
    expect(renewalRefusals({ ...fresh, ...patch }, '2026-12-01')).toEqual([code]);
  });

  it('OVERDUE the day after the due date', () => {
    expect(renewalRefusals(fresh, '2026-12-11')).toEqual(['OVERDUE']);
  });

  it('every applicable reason, in the SPEC’s order', () => {
    expect(renewalRefusals({ dueDate: '2026-12-10', renewed: true, interlibrary: true, titleHasWaitingHolds: true }, '2026-12-20')).toEqual([
      'HAS_HOLDS',
      'INTERLIBRARY',
      'ALREADY_RENEWED',
      'OVERDUE',
    ]);
  });

  it('the new due date is the 15th day counting the renewal day, across months', () => {
    expect(renewedDueDate('2026-12-02')).toBe('2026-12-16');
    expect(renewedDueDate('2026-12-25')).toBe('2027-01-08');
  });

  it.each<[HoldState, boolean]>([
    ['PROVISIONAL', true],
    ['WAITING', true],
    ['IN_TRANSIT', false],
    ['READY', false],
    ['FULFILLED', false],
    ['CANCELLED', false],
    ['EXPIRED', false],
  ])('a %s hold on the title blocks renewal: %s', (status, blocks) => {
    expect(holdsBlockRenewal([{ status: 'FULFILLED' }, { status }])).toBe(blocks);
  });

  it('no holds, no block', () => {
    expect(holdsBlockRenewal([])).toBe(false);
  });
});
