import { formatDate } from '../format';

/** A loan's 返却期限 cell, marked 延滞 when the due date has passed (counter panel and patron page). */
export const DueDateCell = ({ dueDate, overdue }: { readonly dueDate: string; readonly overdue: boolean }) => (
  <td class="nowrap">
    {formatDate(dueDate)}
    {overdue ? <strong class="overdue-mark"> 延滞</strong> : null}
  </td>
);
