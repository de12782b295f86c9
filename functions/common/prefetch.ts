/**
 * Fetches a value a function needs for its requests (an API function's signing keys and origin
 * secret) outside its init (issue 12.5: init is the bundle's import and its clients' creation).
 * The fetch starts on the event loop's next turn, i.e. once the module has been evaluated and
 * the runtime waits for the first invocation, or on the first call if that comes sooner. Started
 * during the import, a fetch's whole request path (credentials, endpoint, signing) runs in
 * microtasks before the import returns and counts as init: measured, about 0.3–0.45 of a
 * GetItem-only function's init (decision 018).
 *
 * A failed fetch is reported to the caller that awaits it (an API request answers 500) and
 * started again by the next call rather than remembered.
 */
export const prefetch = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let pending: Promise<T> | undefined;
  const start = () => {
    const started = load();
    started.catch(() => undefined); // awaited (and reported) by the caller that needs it
    pending = started;
    return started;
  };
  setImmediate(() => pending ?? start()).unref();
  return async () => {
    const current = pending ?? start();
    try {
      return await current;
    } catch (error) {
      if (pending === current) void start(); // its own failure is caught in start()
      throw error;
    }
  };
};
