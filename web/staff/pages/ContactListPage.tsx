import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { ListToolbar } from '../components/ListToolbar';
import { PageHeading } from '../components/PageHeading';
import { useBranches } from '../context';
import { formatDate } from '../format';
import { useLoad } from '../hooks';

/** 電話連絡リスト: holds ready at this branch for patrons who asked to be phoned, or whose mail bounces (SPEC 10.4; GET /admin/contact-list). */
export const ContactListPage = () => {
  const { counterBranch, branchName } = useBranches();
  const [branch, setBranch] = useState(counterBranch);
  const list = useLoad(branch, () => api.contactList(branch));
  const rows = list.data ?? [];

  return (
    <>
      <PageHeading>電話連絡リスト</PageHeading>
      <p class="print-only print-heading">{branchName(branch)}</p>
      <p class="lead no-print">予約棚にある資料のうち、連絡方法が「電話」の利用者と、メールが届かない(メール不達)利用者の一覧です。</p>
      <ListToolbar
        idPrefix="contact-list"
        branch={branch}
        onBranch={setBranch}
        onReload={list.reload}
        loading={list.loading}
        loadedAt={list.loadedAt}
        canPrint={rows.length > 0}
      />
      <ErrorMessage error={list.error} testId="contact-list-error" />
      {list.data && rows.length === 0 ? (
        <p class="empty" data-testid="contact-list-empty">
          {branchName(branch)}で電話連絡する予約はありません。
        </p>
      ) : null}
      {rows.length > 0 ? (
        <table class="table list-table" data-testid="contact-list">
          <caption>
            {branchName(branch)} {rows.length}件
          </caption>
          <thead>
            <tr>
              <th scope="col">氏名</th>
              <th scope="col">電話番号</th>
              <th scope="col">利用者番号</th>
              <th scope="col">タイトル</th>
              <th scope="col">資料番号</th>
              <th scope="col">取置期限</th>
              <th scope="col" class="check-col">
                連絡済
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.holdId} data-testid="contact-list-row" data-hold-id={row.holdId} data-card-number={row.cardNumber}>
                <td>
                  {row.name}
                  {row.reason === 'EMAIL_BOUNCED' ? (
                    <>
                      {' '}
                      <span class="tag tag-error" data-testid="contact-list-bounced" title="登録のメールアドレスにメールが届かないため、電話で連絡してください">
                        メール不達
                      </span>
                    </>
                  ) : null}
                </td>
                <td class="mono nowrap">{row.phone ?? '(未登録)'}</td>
                <td class="mono">{row.cardNumber}</td>
                <td>{row.title}</td>
                <td class="mono">{row.itemId ?? '—'}</td>
                <td class="nowrap">{formatDate(row.pickupDeadline)}</td>
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
