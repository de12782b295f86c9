/**
 * Starts `load` now, without waiting for it, and returns what awaits its result. A failed load
 * is reported to the caller that awaits it (an API request answers 500) and started again by the
 * next call rather than remembered. Used for the secrets an API function fetches at cold start
 * (issue 12.5): the fetch runs beside the runtime's wait for the first request instead of
 * before it, and a function that never needs the value never waits for it.
 */
export const prefetch = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  const start = () => {
    const pending = load();
    pending.catch(() => undefined); // awaited (and reported) by the caller that needs it
    return pending;
  };
  let pending = start();
  return async () => {
    try {
      return await pending;
    } catch (error) {
      pending = start();
      throw error;
    }
  };
};
