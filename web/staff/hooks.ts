/** Small shared hooks: an action with busy/error state, and loading data for a page. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { serverNow } from '../shared/server-clock';
import { describeError, type ShownError } from './errors';

export const useAction = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | undefined>();
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (caught) {
      setError(describeError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
};

/** Loads data when `key` changes (skipped while `key` is empty); `reload` fetches again. */
export const useLoad = <T>(key: string, load: () => Promise<T>) => {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<ShownError | undefined>();
  const [loading, setLoading] = useState(false);
  const [loadedAt, setLoadedAt] = useState<Date | undefined>();
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const ticket = (latest.current += 1);
    setLoading(true);
    setError(undefined);
    try {
      const value = await loadRef.current();
      if (ticket === latest.current) {
        setData(value);
        setLoadedAt(serverNow());
      }
    } catch (caught) {
      if (ticket === latest.current) setError(describeError(caught));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setData(undefined);
    if (key) void reload();
  }, [key, reload]);

  return { data, error, loading, loadedAt, reload };
};
