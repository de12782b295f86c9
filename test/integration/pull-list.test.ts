import { describe, expect, it } from 'vitest';
import { holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * SPEC 5.4 pull list as a clerk uses it: which holds are on the morning's list (by request
 * date), what each line says to find the copy (shelf branch, 請求記号, title, author) and to
 * name the hold (masked card number), in the order of the shelf; and the 請求記号 itself
 * (SPEC 4) through POST /admin/items, the catalog import and the title page.
 * 2026-12-01 is a Tuesday; the demo calendar opens every branch Tue–Sun.
 */
const withApp = async (startAt: string, test: (app: TestApp, staff: string) => Promise<void>) => {
  const app = await startTestApp({ startAt });
  try {
    await test(app, await app.staffToken());
  } finally {
    await app.stop();
  }
};

const pullList = async (app: TestApp, branch: string, date?: string) => {
  // A fresh token: the clock may have moved past the earlier one's shift.
  const answer = await app.request('GET', `/admin/pull-list?branch=${branch}${date ? `&date=${date}` : ''}`, { token: await app.staffToken() });
  expect(answer.status).toBe(200);
  return answer.body as Record<string, unknown>[];
};

const counterHold = async (app: TestApp, staff: string, cardNumber: string, titleId: string, pickupBranch: string) => {
  const answer = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber, titleId, pickupBranch } });
  expect(answer.status).toBe(201);
  return answer.body.holdId as string;
};

const copiesOf = async (app: TestApp, titleId: string) =>
  (await app.request('GET', `/api/catalog/titles/${titleId}`)).body.copies as { itemId: string; callNumber: string | null }[];

describe('SPEC 5.4 the morning pull list', { timeout: 90_000 }, () => {
  it('a hold requested at 20:30 (after closing) is on the next morning’s list of the branch whose shelf has the copy, with what finds it on the shelf', () =>
    withApp('2026-12-01T20:30:00+09:00', async (app, staff) => {
      const patron = await newPatron(app, staff);
      const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'east', callNumber: '913.6/ミ' }], { title: '水戸黄門漫遊記', author: '水戸 光子' });
      const hold = await holdPlaced(app, patron.token, titleId, 'central');
      expect(hold.registersAt).toBe('2026-12-02T07:00:00+09:00');

      await app.setClock('2026-12-02T07:00:30+09:00');
      const east = await pullList(app, 'east');
      expect(east).toEqual([
        {
          holdId: hold.holdId,
          titleId,
          itemId: itemIds[0],
          title: '水戸黄門漫遊記',
          author: '水戸 光子',
          callNumber: '913.6/ミ',
          shelfBranch: 'east',
          cardNumberMasked: `****${patron.cardNumber.slice(-4)}`,
          pickupBranch: 'central',
          requestedAt: expect.stringMatching(/^2026-12-01T20:3\d:\d\d\+09:00$/),
        },
      ]);
      // Named for staff, never by the whole card number.
      expect(JSON.stringify(east)).not.toContain(patron.cardNumber);
      // One hold on one list: the pickup branch has no copy, so central's list does not have it.
      expect((await pullList(app, 'central')).map((e) => e.holdId)).not.toContain(hold.holdId);
    }));

  it('a hold requested during the day is not on that day’s list, and is on the next opening day’s', () =>
    withApp('2026-12-02T10:00:00+09:00', async (app, staff) => {
      const patron = await newPatron(app, staff);
      const { titleId } = await newTitle(app, staff, [{ branch: 'west', callNumber: '304/サ' }]);
      const holdId = await counterHold(app, staff, patron.cardNumber, titleId, 'west');
      expect((await pullList(app, 'west')).map((e) => e.holdId)).not.toContain(holdId);
      expect((await pullList(app, 'west', '2026-12-03')).map((e) => e.holdId)).toEqual([holdId]);
    }));

  it('lines come in shelf order: by class number, then author mark; labels without a class number, then copies without a label, last', () =>
    withApp('2026-12-01T10:00:00+09:00', async (app, staff) => {
      const patron = await newPatron(app, staff);
      const labels = ['E/ハ', '913.6/ナ', undefined, '913.6/ア', '007.6/ヤ', '146.8/カ'];
      for (const callNumber of labels) {
        const { titleId } = await newTitle(app, staff, [{ branch: 'miwa', ...(callNumber ? { callNumber } : {}) }]);
        await counterHold(app, staff, patron.cardNumber, titleId, 'miwa');
      }
      const list = await pullList(app, 'miwa', '2026-12-02');
      expect(list.map((e) => e.callNumber)).toEqual(['007.6/ヤ', '146.8/カ', '913.6/ア', '913.6/ナ', 'E/ハ', null]);
    }));
});

describe('SPEC 4 請求記号 (call number) of a copy', { timeout: 90_000 }, () => {
  it('POST /admin/items keeps it trimmed and the title page lists it with the copy; a copy without one shows null', () =>
    withApp('2026-12-01T10:00:00+09:00', async (app, staff) => {
      const { titleId } = await newTitle(app, staff, [{ branch: 'central', callNumber: '  913.6/ナ  ' }, { branch: 'east' }]);
      expect((await copiesOf(app, titleId)).map((c) => c.callNumber)).toEqual(['913.6/ナ', null]);
    }));

  it('POST /admin/items with a bad call number: 400 VALIDATION naming callNumber, and no copy is added', () =>
    withApp('2026-12-01T10:00:00+09:00', async (app, staff) => {
      const { titleId } = await newTitle(app, staff, []);
      const bad: [string, unknown][] = [
        ['longer than 40 characters', `913.6/${'ア'.repeat(35)}`],
        ['a line break', '913.6\n/ナ'],
        ['a zero-width space', '913.6/\u200bナ'],
        ['only spaces', '   '],
        ['not a string', 913.6],
      ];
      for (const [what, callNumber] of bad) {
        const answer = await app.request('POST', '/admin/items', {
          token: staff,
          body: { itemId: `I${titleId}-bad`, titleId, branch: 'central', category: 'NORMAL', callNumber },
        });
        expect(answer.status, what).toBe(400);
        expect(answer.body.error, what).toMatchObject({ code: 'VALIDATION', field: 'callNumber' });
      }
      expect(await copiesOf(app, titleId)).toEqual([]);
    }));

  it('the catalog import carries it to the title page, and a line with a bad one is rejected naming the copy’s field', () =>
    withApp('2026-12-01T10:00:00+09:00', async (app, staff) => {
      const lines = [
        {
          titleId: 'CALLNO1',
          title: '請求記号のある本',
          materialType: 'BOOK',
          copies: [
            { itemId: 'CALLNO1-1', branch: 'central', category: 'NORMAL', callNumber: '291.31/イ' },
            { itemId: 'CALLNO1-2', branch: 'east', category: 'NORMAL' },
          ],
        },
        {
          titleId: 'CALLNO2',
          title: '長すぎる請求記号',
          materialType: 'BOOK',
          copies: [{ itemId: 'CALLNO2-1', branch: 'central', category: 'NORMAL', callNumber: 'x'.repeat(41) }],
        },
      ].map((line) => JSON.stringify(line));
      const answer = await app.request('POST', '/admin/catalog/import', { token: staff, body: { jsonl: lines.join('\n') } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ titles: 1, copies: 2 });
      expect(answer.body.rejectedLines).toEqual([expect.objectContaining({ line: 2, field: 'copies.0.callNumber' })]);
      expect((await copiesOf(app, 'CALLNO1')).map((c) => [c.itemId, c.callNumber])).toEqual([
        ['CALLNO1-1', '291.31/イ'],
        ['CALLNO1-2', null],
      ]);
      expect((await app.request('GET', '/api/catalog/titles/CALLNO2')).status).toBe(404);
    }));
});
