import { describe, expect, it } from 'vitest';
import { noResultSuggestions, type SuggestionForm } from '../../web/patron/pages/search-suggestions.js';

const empty: SuggestionForm = { q: '', title: '', author: '', publisher: '', isbn: '', type: '', branch: '' };
const form = (fields: Partial<SuggestionForm>): SuggestionForm => ({ ...empty, ...fields });

describe('SPEC 4 / issue 10: what the no-results page suggests', () => {
  it('a long word: its first characters (2 to 4), as a link to that search', () => {
    const { searches } = noResultSuggestions(form({ q: 'わがはいはいぬである' }));
    expect(searches).toEqual([{ kind: 'shorter', words: 'わがはい', form: form({ q: 'わがはい' }) }]);
    expect(noResultSuggestions(form({ q: '漱石全集' })).searches[0]?.words).toBe('漱石');
    expect(noResultSuggestions(form({ q: '吾輩は犬' })).searches[0]?.words).toBe('吾輩');
  });

  it('several words: each alone (the first two); a short word: nothing shorter', () => {
    expect(noResultSuggestions(form({ q: '夏目 犬 全集' })).searches.map((s) => s.form.q)).toEqual(['夏目', '犬']);
    expect(noResultSuggestions(form({ q: '犬' })).searches).toEqual([]);
    expect(noResultSuggestions(form({ q: 'いぬ' })).searches).toEqual([]);
  });

  it('詳細検索 words: shorter in their own field, and all of them as one keyword', () => {
    const { searches } = noResultSuggestions(form({ title: 'ねこのじむしょ', author: 'みやざわ' }));
    expect(searches).toEqual([
      { kind: 'shorter', words: 'ねこの', form: form({ title: 'ねこの', author: 'みやざわ' }) },
      { kind: 'keyword', words: 'ねこのじむしょ みやざわ', form: form({ q: 'ねこのじむしょ みやざわ' }) },
    ]);
  });

  it('filters: the same words in every type and library', () => {
    const { searches } = noResultSuggestions(form({ q: 'こぶた', type: 'KAMISHIBAI', branch: 'miwa' }));
    expect(searches.at(-1)).toEqual({ kind: 'everywhere', words: 'こぶた', form: form({ q: 'こぶた' }) });
  });

  it('never the search just made, and never the same search twice', () => {
    for (const f of [
      form({ q: 'わがはいはいぬである' }),
      form({ q: 'いぬ いぬ' }),
      form({ title: 'いぬ' }),
      form({ isbn: '9784000000000' }),
      form({ q: 'こぶた', type: 'AV' }),
    ]) {
      const { searches } = noResultSuggestions(f);
      for (const s of searches) expect(s.form, JSON.stringify(f)).not.toEqual(f);
      expect(new Set(searches.map((s) => JSON.stringify(s.form))).size).toBe(searches.length);
    }
  });

  it('hints: hiragana after a kanji query, kanji after a hiragana one, 著者名 only when no author was given', () => {
    expect(noResultSuggestions(form({ q: '漱石全集' })).hints).toEqual(['kana', 'author']);
    expect(noResultSuggestions(form({ q: 'わがはい いぬ' })).hints).toEqual(['kanji', 'author']);
    expect(noResultSuggestions(form({ q: 'コーヒー' })).hints).toEqual(['kana', 'author']);
    expect(noResultSuggestions(form({ author: 'なつめ' })).hints).toEqual(['kanji']);
    expect(noResultSuggestions(form({ isbn: '9784000000000' })).hints).toEqual(['author']);
  });
});
