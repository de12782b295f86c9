/**
 * Pages other than the search (the first page nearly every visit opens) are in a chunk of their
 * own (bin/build-web.ts splits it off), so the first code a phone downloads and compiles is
 * smaller. The chunk is fetched on the first visit to such a page, or earlier by `prefetchPages`
 * once the app is up; once loaded a page renders synchronously like any other component.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from './context';

/** Set when a navigation wanted to focus the new page's heading before the page's chunk was there. */
let headingWanted = false;
export const wantHeading = () => {
  headingWanted = true;
};

const loaders: (() => Promise<unknown>)[] = [];

/** Fetches every page chunk not loaded yet (after the first frame, while the patron reads it). */
export const prefetchPages = () => {
  for (const load of loaders) load().catch(() => undefined);
};

export const lazyPage = <P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> => {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchPage = () => {
    pending ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        pending = undefined; // the next visit tries again
        throw error;
      },
    );
    return pending;
  };
  loaders.push(fetchPage);

  return (props: P) => {
    const { t } = useApp();
    const [failed, setFailed] = useState(false);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      fetchPage().then(
        () => setReady(true),
        () => setFailed(true),
      );
    }, []);
    useEffect(() => {
      if (!loaded || !headingWanted) return;
      headingWanted = false;
      document.querySelector<HTMLElement>('main h1')?.focus();
    });
    if (failed)
      return (
        <p class="notice notice-error" role="alert">
          {t('app.networkError')}
        </p>
      );
    const Page = loaded;
    return Page ? <Page {...props} /> : null;
  };
};
