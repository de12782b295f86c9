import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { demoClassicTitleIds as ids } from '../../lib/local/demo-catalog/index.js';

let app: TestApp;
let staff: string;

const search = async (params: Record<string, string>) => {
  const answer = await app.request('GET', `/api/catalog/search?${new URLSearchParams(params)}`);
  expect(answer.status).toBe(200);
  return answer.body as { total: number; items: any[] };
};
const idsOf = (result: { items: any[] }) => result.items.map((i) => i.titleId);

beforeAll(async () => {
  app = await startTestApp({ demoCatalogTitles: 400 });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 4 search in Japanese, through the stored index', () => {
  it('substrings of Japanese text without spaces: 「猫で」 finds 吾輩は猫である', async () => {
    expect(idsOf(await search({ q: '猫で' }))).toEqual([ids.wagahai]);
  });

  it('readings match, hiragana against katakana: 「わがはい」, and the author 「なつめ そうせき」', async () => {
    expect(idsOf(await search({ q: 'わがはい' }))).toEqual([ids.wagahai]);
    const natsume = await search({ author: 'なつめ そうせき', pageSize: '50' });
    expect(idsOf(natsume)).toEqual(expect.arrayContaining([ids.wagahai, ids.botchan, ids.kokoro, ids.sanshiro]));
  });

  it('an exact title match ranks first: こころ before こころの処方箋', async () => {
    const result = await search({ title: 'こころ' });
    expect(idsOf(result).slice(0, 2)).toEqual([ids.kokoro, ids.kokoroNoShohosen]);
  });

  it('ISBN 10 or 13, with or without hyphens, finds the same title', async () => {
    const page = (await app.request('GET', `/api/catalog/titles/${ids.wagahai}`)).body;
    const digits = String(page.isbn).replace(/-/g, '');
    expect(idsOf(await search({ isbn: page.isbn }))).toEqual([ids.wagahai]);
    expect(idsOf(await search({ isbn: digits }))).toEqual([ids.wagahai]);
    expect(idsOf(await search({ q: digits }))).toEqual([ids.wagahai]);
  });

  it('full-width and case are folded: ｓｑｌ finds SQL titles', async () => {
    const lower = await search({ q: 'sql', pageSize: '100' });
    expect(lower.total).toBeGreaterThan(0);
    expect((await search({ q: 'ＳＱＬ', pageSize: '100' })).total).toBe(lower.total);
  });

  it('filters by material type (紙芝居 as KAMISHIBAI) and branch', async () => {
    const kamishibai = await search({ type: 'KAMISHIBAI', q: '', title: '', publisher: '童心社', pageSize: '100' });
    expect(kamishibai.items.length).toBeGreaterThan(0);
    expect(kamishibai.items.every((i) => i.materialType === 'BOOK' && i.subtype === 'KAMISHIBAI')).toBe(true);
    const atMiwa = await search({ author: 'なつめ', branch: 'miwa', pageSize: '50' });
    expect(idsOf(atMiwa)).toEqual([ids.wagahai]);
  });

  it('results carry availability per branch and holdable with the reason', async () => {
    const [item] = (await search({ q: '銀河鉄道の夜' })).items;
    expect(item).toMatchObject({ titleId: ids.gingaTetsudo, title: '銀河鉄道の夜', holdable: true, copies: 6, available: 6 });
    expect(item.availability).toHaveLength(6);
    const reference = (await search({ q: '辞典', pageSize: '100' })).items.find((i) => i.holdable === false);
    expect(reference?.reason).toBe('NOT_HOLDABLE');
  });

  it('pages through results', async () => {
    const all = await search({ author: 'なつめ', pageSize: '100' });
    const first = await search({ author: 'なつめ', pageSize: '2', page: '1' });
    const second = await search({ author: 'なつめ', pageSize: '2', page: '2' });
    expect(first.total).toBe(all.total);
    expect([...idsOf(first), ...idsOf(second)]).toEqual(idsOf(all).slice(0, 4));
  });

  it('bad paging or type is 400 naming the parameter', async () => {
    const answer = await app.request('GET', '/api/catalog/search?q=a&pageSize=1000');
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('pageSize');
    expect((await app.request('GET', '/api/catalog/search?type=BOOKS')).body.error.field).toBe('type');
  });

  it('a title created after the index was built is found at once (delta)', async () => {
    const created = await app.request('POST', '/admin/titles', {
      token: staff,
      body: { title: '水戸黄門漫遊記', titleReading: 'ミト コウモン マンユウキ', materialType: 'BOOK' },
    });
    expect(idsOf(await search({ q: 'みとこうもん' }))).toEqual([created.body.titleId]);
    expect(idsOf(await search({ q: '黄門' }))).toEqual([created.body.titleId]);
  });

  it('a new title that matches less well does not jump ahead of an exact title match', async () => {
    const created = await app.request('POST', '/admin/titles', { token: staff, body: { title: 'こころの旅路', materialType: 'BOOK' } });
    const ranked = idsOf(await search({ title: 'こころ', pageSize: '10' }));
    expect(ranked[0]).toBe(ids.kokoro);
    expect(ranked).toContain(created.body.titleId);
  });
});

describe('SPEC 4 bulk import', () => {
  it('imports good lines, reports bad lines by number, and the imported titles become searchable', async () => {
    const lines = [
      JSON.stringify({ titleId: 'IMP-1', title: '偕楽園の四季', titleReading: 'カイラクエン ノ シキ', materialType: 'BOOK', copies: [{ itemId: '9100000001', branch: 'central', category: 'NORMAL' }] }),
      '{ not json',
      JSON.stringify({ titleId: 'IMP-2', title: '', materialType: 'BOOK' }),
      JSON.stringify({ titleId: 'IMP-3', title: '千波湖', materialType: 'BOOK', copies: [{ itemId: '9100000003', branch: 'moon', category: 'NORMAL' }] }),
      '',
      JSON.stringify({ titleId: 'IMP-4', title: '弘道館', materialType: 'AV', copies: [{ itemId: '9100000004', branch: 'east', category: 'NORMAL' }] }),
      JSON.stringify({ titleId: ids.wagahai, title: '上書きされない', materialType: 'BOOK' }),
    ].join('\n');
    const answer = await app.request('POST', '/admin/catalog/import', { token: staff, body: { jsonl: lines } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ titles: 2, copies: 2, existingTitles: [ids.wagahai] });
    expect(answer.body.rejectedLines).toEqual([
      { line: 2, field: 'line', problem: 'not valid JSON' },
      expect.objectContaining({ line: 3, field: 'title' }),
      { line: 4, field: 'copies.0.branch', problem: 'unknown branch' },
    ]);
    await app.services.bus.settled();
    expect(idsOf(await search({ q: '偕楽園の四季' }))[0]).toBe('IMP-1');
    expect((await app.request('GET', `/api/catalog/titles/${ids.wagahai}`)).body.title).toBe('吾輩は猫である');
    const runs = (await app.request('GET', '/admin/jobs/search-index/runs', { token: staff })).body as any[];
    expect(runs[0]).toMatchObject({ trigger: 'manual', status: 'SUCCEEDED', summary: expect.objectContaining({ rebuilt: true }) });
  });
});
