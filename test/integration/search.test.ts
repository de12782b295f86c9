import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { demoClassicTitleIds as ids } from '../../lib/local/demo-catalog/index.js';
import { buildSearchIndex, SEARCH_INDEX_FORMAT, serializeSearchIndex } from '../../functions/domain/search/index.js';

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

describe('SPEC 4 search as patrons type it (issue 10), through GET /api/catalog/search on the demo catalog', () => {
  const first = async (q: string) => idsOf(await search({ q, pageSize: '5' }))[0];
  const titleOf = async (q: string) => {
    const [item] = (await search({ q, pageSize: '1' })).items;
    return item?.title as string | undefined;
  };

  it('わがはいはねこである — the particle typed as written — finds 吾輩は猫である (reading ワガハイ ワ ネコ デ アル)', async () => {
    expect(idsOf(await search({ q: 'わがはいはねこである' }))).toEqual([ids.wagahai]);
    expect(idsOf(await search({ title: 'わがはいはねこである' }))).toEqual([ids.wagahai]);
    expect(idsOf(await search({ q: 'わがはいわねこである' }))).toEqual([ids.wagahai]);
  });

  it('へ as written or え as read: うみのぼうけんへ and うみのぼうけんえ find 海の冒険へ (reading … エ)', async () => {
    expect(await titleOf('うみのぼうけんへ')).toBe('海の冒険へ');
    expect(await titleOf('うみのぼうけんえ')).toBe('海の冒険へ');
  });

  it('を as written or お as read: あさをこえて and あさおこえて find 朝を越えて (reading アサ ヲ コエテ)', async () => {
    expect(await titleOf('あさをこえて')).toBe('朝を越えて');
    expect(await titleOf('あさおこえて')).toBe('朝を越えて');
  });

  it('spaces in the query or the reading do not matter: わがはい は ねこ で ある', async () => {
    expect(idsOf(await search({ q: 'わがはい は ねこ で ある' }))).toEqual([ids.wagahai]);
    expect(idsOf(await search({ q: 'ぎんが てつどうのよる' }))).toEqual([ids.gingaTetsudo]);
  });

  it('small or large kana: ぼつちやん finds 坊っちゃん', async () => {
    expect(await first('ぼつちやん')).toBe(ids.botchan);
    expect(await first('ボッチャン')).toBe(ids.botchan);
  });

  it('ー or the vowel it stands for: じっせんでーたべーす and じっせんでいたべいす find 実践データベース', async () => {
    expect(await titleOf('じっせんでーたべーす')).toBe('実践データベース');
    expect(await titleOf('じっせんでいたべいす')).toBe('実践データベース');
  });

  it('ヴ or バ行: びばるでぃ and ベートーベン find ヴィヴァルディ and ベートーヴェン', async () => {
    expect(await titleOf('びばるでぃ')).toBe('ヴィヴァルディ：四季');
    expect(await titleOf('ベートーベン')).toMatch(/^ベートーヴェン：/);
  });

  it('新字体 finds 旧字体: 文学界 finds 文學界; 森鴎外 finds 森鷗外; a title typed in 旧字体 finds its 新字体', async () => {
    expect(await titleOf('文学界')).toMatch(/^文學界 /);
    expect(idsOf(await search({ author: '森鴎外' }))).toEqual([ids.maihime]);
    expect(idsOf(await search({ q: '雪國' }))).toEqual([ids.yukiguni]);
  });

  it('precision: はな does not find ワナ readings (は is a particle only after a word)', async () => {
    const created = await app.request('POST', '/admin/titles', { token: staff, body: { title: '罠', titleReading: 'ワナ', materialType: 'BOOK' } });
    expect(idsOf(await search({ q: 'わな' }))).toContain(created.body.titleId);
    expect(idsOf(await search({ q: 'はな', pageSize: '100' }))).not.toContain(created.body.titleId);
  });
});

describe('SPEC 4 bulk import', () => {
  it('imports good lines, reports bad lines by number, and the imported titles become searchable', async () => {
    const lines = [
      JSON.stringify({
        titleId: 'IMP-1',
        title: '偕楽園の四季',
        titleReading: 'カイラクエン ノ シキ',
        materialType: 'BOOK',
        copies: [{ itemId: '9100000001', branch: 'central', category: 'NORMAL' }],
      }),
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

describe('SPEC 4 / issue 10: an index stored by an earlier release (another folding) is not used, and is rebuilt', () => {
  it('search answers from the catalog meanwhile; the next search-index run rebuilds it although no title changed', async () => {
    const { store } = app.services.deps;
    const sequence = await store.catalog.currentSequence();
    // A pointer as an earlier release wrote it: no format, and an index that knows no title.
    await store.searchIndex.save(serializeSearchIndex(buildSearchIndex([])), { sequence, titles: 0, builtAt: new Date().toISOString() }, new Date());
    expect((await store.searchIndex.pointer())?.format).toBeUndefined();
    expect(idsOf(await search({ q: 'わがはいはねこである' }))).toEqual([ids.wagahai]);

    expect((await app.request('POST', '/admin/jobs/search-index/run', { token: staff })).status).toBe(202);
    await app.services.bus.settled();
    const runs = (await app.request('GET', '/admin/jobs/search-index/runs', { token: staff })).body as any[];
    expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', summary: expect.objectContaining({ rebuilt: true }) });
    expect((await store.searchIndex.pointer())?.format).toBe(SEARCH_INDEX_FORMAT);
    expect(idsOf(await search({ q: 'わがはいはねこである' }))).toEqual([ids.wagahai]);
  });
});
