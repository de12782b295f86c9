import { useBranches } from '../context';
import { categoryLabels, copyStatusLabels, holdReasonLabels, materialTypeLabels } from '../format';
import type { TitleDetail } from '../types';

/** The chosen title: bibliographic line and its copies with where they are. */
export const TitleSummary = ({ title }: { title: TitleDetail }) => {
  const { branchName } = useBranches();
  return (
    <section class="panel panel-wide" aria-labelledby="title-heading" data-testid="title-summary" data-title-id={title.titleId}>
      <h2 id="title-heading">
        {title.title}
        {title.volume ? ` ${title.volume}` : ''}
      </h2>
      <p class="meta">
        <span class="mono">{title.titleId}</span> / {title.author ?? '著者なし'} / {title.publisher ?? ''} {title.year ?? ''} /{' '}
        {materialTypeLabels[title.materialType] ?? title.materialType}
        {title.isbn ? ` / ISBN ${title.isbn}` : ''}
      </p>
      <p>
        インターネット予約: {title.holdable ? '可' : (holdReasonLabels[title.reason ?? ''] ?? '不可')} / 予約待ち {title.waiting}件
      </p>
      <table class="table compact">
        <caption class="visually-hidden">所蔵資料</caption>
        <thead>
          <tr>
            <th scope="col">資料番号</th>
            <th scope="col">請求記号</th>
            <th scope="col">所蔵館</th>
            <th scope="col">現在地</th>
            <th scope="col">状態</th>
            <th scope="col">区分</th>
          </tr>
        </thead>
        <tbody>
          {title.copies.map((copy) => (
            <tr key={copy.itemId} data-testid="title-copy-row" data-item-id={copy.itemId}>
              <td class="mono">{copy.itemId}</td>
              <td class="mono" data-testid="title-copy-call-number">
                {copy.callNumber ?? '—'}
              </td>
              <td>{branchName(copy.branch)}</td>
              <td>{branchName(copy.location)}</td>
              <td>{copyStatusLabels[copy.status] ?? copy.status}</td>
              <td>
                {categoryLabels[copy.category] ?? copy.category}
                {copy.interlibrary ? '・相互貸借' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
