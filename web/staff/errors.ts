/** API errors as staff read them: the server's Japanese message, and which field it is about. */
import { ApiError } from '../shared/api';

export const fieldLabels: Record<string, string> = {
  staffId: '職員ID',
  password: 'パスワード',
  cardNumber: '利用者番号',
  name: '氏名',
  birthDate: '生年月日',
  phone: '電話番号',
  itemId: '資料番号',
  titleId: '書誌ID',
  pickupBranch: '受取館',
  branch: '図書館',
  date: '日付',
  open: '開館・休館',
  opensAt: '開館時刻',
  closesAt: '閉館時刻',
  reason: '取消理由',
  q: '検索語',
  role: '権限',
  itemIds: '資料',
  callNumber: '請求記号',
  category: '区分',
};

export interface ShownError {
  code: string;
  message: string;
  field?: string;
  status?: number;
}

export const describeError = (error: unknown): ShownError => {
  if (error instanceof ApiError) {
    return { code: error.code, message: error.message, status: error.status, ...(error.field ? { field: error.field } : {}) };
  }
  return { code: 'NETWORK', message: '通信できませんでした。ネットワークを確認して、もう一度お試しください。' };
};

/** One line: '利用者番号: 見つかりません。' (the field is named unless the message already does). */
export const errorText = (error: ShownError): string => {
  const label = error.field ? fieldLabels[error.field] : undefined;
  if (!label || !error.field) return error.message;
  // The server names fields it has no Japanese word for by their API name ('birthDate の値が…').
  const message = error.message.split(error.field).join(label);
  return message.includes(label) ? message : `${label}: ${message}`;
};
