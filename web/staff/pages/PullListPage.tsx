import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { ListToolbar } from '../components/ListToolbar';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { useBranches } from '../context';
import { formatDate, formatDateTime, tokyoToday } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';

/** 書架状態の本をお探し: copies on this branch's shelf that fill waiting holds (GET /admin/pull-list). */
export const PullListPage = () => {
  const { counterBranch, branchName } = useBranches();
  const [branch, setBranch] = useState(counterBranch);
  const [date, setDate] = useState('');
  const list = useLoad(`${branch}|${date}`, () => api.pullList(branch, date || undefined));
  const rows = list.data ?? [];
  // The list's day on the service's clock (an empty date field asks the server for its today).
  const day = formatDate(date || tokyoToday());

  return (
    <>
      <PageHeading>予約資料の確保リスト</PageHeading>
      <p class="print-only print-heading">
        {branchName(branch)} / {day}
      </p>
      <p class="lead no-print">
        書架にある資料で予約に応えられるものの一覧です。見つけた資料は <a href={href('counter')}>返却/スキャン</a> で読み取ると、予約棚か回送先が表示されます。
      </p>
      <ListToolbar
        idPrefix="pull-list"
        branch={branch}
        onBranch={setBranch}
        onReload={list.reload}
        loading={list.loading}
        loadedAt={list.loadedAt}
        canPrint={rows.length > 0}
      >
        <TextField id="pull-list-date" name="date" label="日付" type="date" value={date} onValue={setDate} hint="空欄なら本日" testId="pull-list-date" />
      </ListToolbar>
      <ErrorMessage error={list.error} testId="pull-list-error" />
      {list.data && rows.length === 0 ? (
        <p class="empty" data-testid="pull-list-empty">
          {branchName(branch)}で確保する資料はありません。
        </p>
      ) : null}
      {rows.length > 0 ? (
        <table class="table list-table" data-testid="pull-list">
          <caption>
            {branchName(branch)} {day} {rows.length}件(請求記号順)
          </caption>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">請求記号</th>
              <th scope="col">タイトル / 著者</th>
              <th scope="col">資料番号</th>
              <th scope="col">所在</th>
              <th scope="col">利用者番号</th>
              <th scope="col">受取館</th>
              <th scope="col">予約日時</th>
              <th scope="col" class="check-col">
                確保
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.holdId} data-testid="pull-list-row" data-item-id={row.itemId} data-hold-id={row.holdId}>
                <td>{index + 1}</td>
                <td class="mono nowrap" data-testid="pull-list-call-number">
                  {row.callNumber ?? '—'}
                </td>
                <td>
                  {row.title}
                  <span class="sub">{row.author ?? '著者なし'}</span>
                </td>
                <td class="mono">{row.itemId}</td>
                <td class="nowrap" data-testid="pull-list-shelf">
                  {branchName(row.shelfBranch)}
                </td>
                <td class="mono nowrap" data-testid="pull-list-card">
                  {row.cardNumberMasked}
                </td>
                <td class="nowrap">{branchName(row.pickupBranch)}</td>
                <td class="nowrap">{formatDateTime(row.requestedAt)}</td>
                <td class="check-col">
                  <span class="check-box" aria-hidden="true" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
};
