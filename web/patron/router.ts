/**
 * A tiny hash router: `#/path?query`. Pages are chosen by `matchRoute`; links are plain
 * `<a href="#/...">`, so the back button, bookmarks and "open in new tab" just work.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
  /** path + query as it appears after '#', for "come back here after login". */
  readonly full: string;
}

export type Route =
  | { readonly name: 'search' }
  | { readonly name: 'title'; readonly titleId: string }
  | { readonly name: 'login' }
  | { readonly name: 'basket' }
  | { readonly name: 'status' }
  | { readonly name: 'contact' }
  | { readonly name: 'password' }
  | { readonly name: 'notFound' };

export const currentLocation = (): Location => {
  const raw = location.hash.replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = (at < 0 ? raw : raw.slice(0, at)) || '/';
  const query = new URLSearchParams(at < 0 ? '' : raw.slice(at + 1));
  return { path, query, full: raw };
};

export const matchRoute = (path: string): Route => {
  if (path === '/' || path === '/search') return { name: 'search' };
  const title = /^\/titles\/([^/]+)$/.exec(path);
  if (title?.[1]) return { name: 'title', titleId: decodeURIComponent(title[1]) };
  if (path === '/login') return { name: 'login' };
  if (path === '/basket') return { name: 'basket' };
  if (path === '/status') return { name: 'status' };
  if (path === '/contact') return { name: 'contact' };
  if (path === '/password') return { name: 'password' };
  return { name: 'notFound' };
};

/** `#/path?query` for an href, dropping empty query values. */
export const href = (path: string, query?: Record<string, string | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
};

export const navigate = (to: string, options: { replace?: boolean } = {}): void => {
  const target = to.startsWith('#') ? to : `#${to}`;
  if (options.replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
};

/** Only in-app paths are followed after login (`next`), never another origin. */
export const safeNext = (next: string | null): string | undefined => (next && /^\/(?![/\\])/.test(next) ? next : undefined);

export const useLocation = (): Location => {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLoc(currentLocation());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return loc;
};
