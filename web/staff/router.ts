/** A tiny hash router: '#/holds/T000001' → { page: 'holds', param: 'T000001' }. */
import { useEffect, useState } from 'preact/hooks';

export type PageName = 'counter' | 'pull-list' | 'contact-list' | 'patrons' | 'patron' | 'holds' | 'calendar' | 'jobs' | 'staff';

/**
 * The console's pages. `adminOnly`: hidden from COUNTER staff (SPEC 11; the API refuses
 * them anyway). `inNav: false`: reached from another page ('#/patron/{card}' from 利用者).
 */
export const PAGES: readonly { name: PageName; label: string; adminOnly?: boolean; inNav?: false }[] = [
  { name: 'counter', label: '返却・貸出' },
  { name: 'pull-list', label: '予約資料の確保' },
  { name: 'contact-list', label: '電話連絡' },
  { name: 'patrons', label: '利用者' },
  { name: 'patron', label: '利用者の状況', inNav: false },
  { name: 'holds', label: '予約' },
  { name: 'calendar', label: '開館日', adminOnly: true },
  { name: 'jobs', label: '処理', adminOnly: true },
  { name: 'staff', label: '職員', adminOnly: true },
];

/** Pages this role may open; a COUNTER account does not see the administrators' pages. */
export const pagesFor = (role: 'ADMIN' | 'COUNTER') => PAGES.filter((p) => role === 'ADMIN' || !p.adminOnly);

export interface Route {
  page: PageName;
  param?: string;
}

export const parseHash = (hash: string): Route => {
  const [name = '', param] = hash.replace(/^#\/?/, '').split('/');
  const page = PAGES.find((p) => p.name === name)?.name ?? 'counter';
  return { page, ...(param ? { param: decodeURIComponent(param) } : {}) };
};

export const href = (page: PageName, param?: string): string => `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;

export const navigate = (page: PageName, param?: string): void => {
  location.hash = href(page, param);
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
};
