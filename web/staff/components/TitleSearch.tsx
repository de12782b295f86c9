import { useState } from 'preact/hooks';
import { api } from '../api';
import { holdReasonLabels, materialTypeLabels } from '../format';
import { useAction } from '../hooks';
import { href, navigate } from '../router';
import type { SearchResult } from '../types';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

/** Finding the titleId: open by id (GET /api/catalog/titles/{id}) or search (GET /api/catalog/search). */
export const TitleSearch = ({ selected }: { selected?: string }) => {
  const [titleId, setTitleId] = useState('');
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ q: string; page: number; data: SearchResult } | undefined>();
  const search = useAction();

  const open = (event: Event) => {
    event.preventDefault();
    const id = titleId.trim();
    if (id) navigate('holds', id);
  };

  const find = async (query: string, page: number) => {
    const data = await search.run(() => api.search(query, page));
    if (data) setResult({ q: query, page, data });
  };

  const submitSearch = (event: Event) => {
    event.preventDefault();
    if (q.trim()) void find(q.trim(), 1);
  };

  const pages = result ? Math.max(1, Math.ceil(result.data.total / result.data.pageSize)) : 1;

  return (
    <section class="panel panel-wide" aria-labelledby="title-search-heading">
      <h2 id="title-search-heading">書誌を探す</h2>
      <div class="search-forms">
        <form class="inline-form" onSubmit={open} data-testid="title-id-form">
          <TextField id="title-id" name="titleId" label="書誌IDで開く" value={titleId} onValue={setTitleId} hint="例 T000001" testId="title-id-input" />
          <button type="submit" data-testid="title-id-submit">
            開く
          </button>
        </form>
        <form class="inline-form grow" onSubmit={submitSearch} data-testid="title-search-form" role="search">
          <TextField
            id="title-q"
            name="q"
            type="search"
            label="キーワードで検索"
            value={q}
            onValue={setQ}
            hint="タイトル・著者・出版者・ISBN・ヨミ"
            testId="title-search-input"
            class="grow"
          />
          <button type="submit" disabled={search.busy} data-testid="title-search-submit">
            {search.busy ? '検索中…' : '検索'}
          </button>
        </form>
      </div>
      <ErrorMessage error={search.error} testId="title-search-error" />
      {result ? (
        <div data-testid="title-search-results">
          <p class="muted" aria-live="polite">
            「{result.q}」 {result.data.total}件{result.data.total > 0 ? `(${result.page} / ${pages} ページ)` : ''}
          </p>
          {result.data.items.length > 0 ? (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">書誌ID</th>
                  <th scope="col">タイトル</th>
                  <th scope="col">著者</th>
                  <th scope="col">出版者・年</th>
                  <th scope="col">種別</th>
                  <th scope="col">在架/所蔵</th>
                  <th scope="col">予約</th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((item) => (
                  <tr key={item.titleId} data-testid="title-search-row" data-title-id={item.titleId} class={item.titleId === selected ? 'selected' : ''}>
                    <td class="mono">{item.titleId}</td>
                    <td>
                      <a href={href('holds', item.titleId)} aria-current={item.titleId === selected ? 'true' : undefined}>
                        {item.title}
                      </a>
                    </td>
                    <td>{item.author ?? ''}</td>
                    <td>
                      {item.publisher ?? ''} {item.year ?? ''}
                    </td>
                    <td>{materialTypeLabels[item.materialType] ?? item.materialType}</td>
                    <td>
                      {item.available}/{item.copies}
                    </td>
                    <td>{item.holdable ? '可' : (holdReasonLabels[item.reason ?? ''] ?? '不可')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {pages > 1 ? (
            <div class="pager">
              <button type="button" class="secondary small" disabled={result.page <= 1 || search.busy} onClick={() => void find(result.q, result.page - 1)}>
                前へ
              </button>
              <button type="button" class="secondary small" disabled={result.page >= pages || search.busy} onClick={() => void find(result.q, result.page + 1)}>
                次へ
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
};
