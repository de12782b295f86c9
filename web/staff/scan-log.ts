/** The counter's running log of scans (kept while the console is open, newest first). */
import { useCallback, useState } from 'preact/hooks';
import { serverNow } from '../shared/server-clock';

export type ScanKind = 'checkin' | 'checkout';
export type ScanStatus = 'pending' | 'ok' | 'error';

export interface ScanEntry {
  id: number;
  at: Date;
  kind: ScanKind;
  itemId: string;
  cardNumber?: string;
  status: ScanStatus;
  /** What staff read: '書架へ', '回送: 東部図書館へ', '返却期限 12月16日', an error… */
  text: string;
  code?: string;
}

export const SCAN_LOG_SIZE = 30;

export interface ScanLog {
  entries: ScanEntry[];
  add: (entry: Omit<ScanEntry, 'id' | 'at' | 'status' | 'text'>) => number;
  settle: (id: number, status: Exclude<ScanStatus, 'pending'>, text: string, code?: string) => void;
  clear: () => void;
}

let nextId = 1;

export const useScanLogState = (): ScanLog => {
  const [entries, setEntries] = useState<ScanEntry[]>([]);
  const add = useCallback((entry: Omit<ScanEntry, 'id' | 'at' | 'status' | 'text'>) => {
    const id = nextId++;
    setEntries((list) => [{ ...entry, id, at: serverNow(), status: 'pending' as const, text: '処理中…' }, ...list].slice(0, SCAN_LOG_SIZE));
    return id;
  }, []);
  const settle = useCallback((id: number, status: Exclude<ScanStatus, 'pending'>, text: string, code?: string) => {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, status, text, ...(code ? { code } : {}) } : e)));
  }, []);
  const clear = useCallback(() => setEntries([]), []);
  return { entries, add, settle, clear };
};
