import { api } from '../api';
import { AddCopyForm } from '../components/AddCopyForm';
import { CounterHoldForm } from '../components/CounterHoldForm';
import { ErrorMessage } from '../components/ErrorMessage';
import { HoldQueue } from '../components/HoldQueue';
import { PageHeading } from '../components/PageHeading';
import { TitleSearch } from '../components/TitleSearch';
import { TitleSummary } from '../components/TitleSummary';
import { useLoad } from '../hooks';

/** 予約: find a title, place a counter hold, see and cancel its queue. '#/holds/{titleId}'. */
export const HoldsPage = ({ titleId, canAddCopies = false }: { titleId?: string; canAddCopies?: boolean }) => {
  const id = titleId ?? '';
  const title = useLoad(id, () => api.title(id));
  const queue = useLoad(id, () => api.queue(id));
  const refresh = () => {
    void title.reload();
    void queue.reload();
  };

  return (
    <>
      <PageHeading>予約(カウンター予約・予約の順番)</PageHeading>
      <TitleSearch selected={titleId} />
      {id && title.error ? (
        <ErrorMessage error={title.error.code === 'NOT_FOUND' ? { ...title.error, message: `書誌ID ${id} は見つかりません。` } : title.error} testId="title-error" />
      ) : null}
      {id && title.loading && !title.data ? <p class="muted">読み込み中…</p> : null}
      {title.data ? (
        <>
          <TitleSummary title={title.data} />
          <div class="two-col two-col-wide">
            <CounterHoldForm key={id} titleId={id} onPlaced={refresh} />
            <HoldQueue
              holds={queue.data}
              error={queue.error}
              loading={queue.loading}
              onChanged={refresh}
              callNumbers={Object.fromEntries(title.data.copies.flatMap((c) => (c.callNumber ? [[c.itemId, c.callNumber]] : [])))}
            />
          </div>
          {canAddCopies ? <AddCopyForm key={`copy-${id}`} titleId={id} onAdded={() => void title.reload()} /> : null}
        </>
      ) : null}
      {!id ? <p class="muted">書誌IDを入力するか、検索結果のタイトルを選ぶと、予約の登録と予約の順番を表示します。</p> : null}
    </>
  );
};
