import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RequestCounter } from '../../bench/support.js';
import { keys } from '../../functions/store/keys.js';
import { lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;
const counter = new RequestCounter();

const search = async (params: Record<string, string>) => {
  const answer = await app.request('GET', `/api/catalog/search?${new URLSearchParams(params)}`);
  expect(answer.status).toBe(200);
  return answer.body as { total: number; items: any[] };
};

beforeAll(async () => {
  app = await startTestApp({ demoCatalogTitles: 80 });
  staff = await app.staffToken();
  counter.attach(app.services.db.client);
});
afterAll(async () => {
  await app?.stop();
});

describe('search results in a fixed number of DynamoDB requests (issue 12.2)', () => {
  it('SPEC 4 a page of 20 results with availability is 4 requests, not one more per title on the page', async () => {
    await search({ q: 'の', pageSize: '20' }); // loads the stored index (a cold start's extra Query)
    counter.reset();
    const page = await search({ q: 'の', pageSize: '20' });
    expect(page.items).toHaveLength(20);
    expect(page.items.every((i) => i.copies > 0 && i.availability.length > 0)).toBe(true);
    // Index pointer, titles changed since the build, the page's titles, all their copies.
    expect(counter.snapshot()).toEqual({ total: 4, byOperation: { GetItem: 1, Query: 1, BatchGetItem: 2 } });
  });

  it('SPEC 4 availability follows each copy: a loan and a copy added later show at once', async () => {
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }, { branch: 'miwa' }], { title: '往復回数の検証用資料' });
    await lent(app, staff, patron.cardNumber, itemIds[0]!);
    const [lentOut] = (await search({ q: '往復回数の検証用資料' })).items;
    expect(lentOut).toMatchObject({ titleId, copies: 2, available: 1 });

    const added = await app.request('POST', '/admin/items', {
      token: staff,
      body: { itemId: `I${titleId}-9`, titleId, branch: 'east', category: 'NORMAL', interlibrary: false },
    });
    expect(added.status).toBe(201);
    const [more] = (await search({ q: '往復回数の検証用資料' })).items;
    expect(more).toMatchObject({ titleId, copies: 3, available: 2 });
    expect(more.availability.map((b: { branch: string }) => b.branch)).toEqual(expect.arrayContaining(['central', 'east', 'miwa']));
  });

  it('SPEC 4 copies added at the same moment are all counted (each id is appended in its own transaction)', async () => {
    const { titleId } = await newTitle(app, staff, [{ branch: 'central' }], { title: '同時追加の検証用資料' });
    const added = await Promise.all(
      ['east', 'west', 'miwa', 'uchihara', 'tsunezumi'].map((branch, i) =>
        app.request('POST', '/admin/items', { token: staff, body: { itemId: `I${titleId}-c${i}`, titleId, branch, category: 'NORMAL', interlibrary: false } }),
      ),
    );
    expect(added.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const [found] = (await search({ q: '同時追加の検証用資料' })).items;
    expect(found).toMatchObject({ titleId, copies: 6, available: 6 });
    expect(found.availability).toHaveLength(6);
  });

  it('SPEC 4 a title stored before titles kept their copy ids still shows its copies, and new copies of it too', async () => {
    const { titleId } = await newTitle(app, staff, [{ branch: 'central' }], { title: '移行前の検証用資料' });
    const { db } = app.services;
    await db.client.send(new UpdateCommand({ TableName: db.tableName, Key: keys.title(titleId), UpdateExpression: 'REMOVE itemIds' }));
    expect((await search({ q: '移行前の検証用資料' })).items[0]).toMatchObject({ titleId, copies: 1, available: 1 });

    const added = await app.request('POST', '/admin/items', {
      token: staff,
      body: { itemId: `I${titleId}-9`, titleId, branch: 'west', category: 'NORMAL', interlibrary: false },
    });
    expect(added.status).toBe(201);
    expect((await search({ q: '移行前の検証用資料' })).items[0]).toMatchObject({ titleId, copies: 2, available: 2 });
  });
});
