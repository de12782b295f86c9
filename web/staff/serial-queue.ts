/**
 * Runs tasks one after another in scan order. A barcode reader types the code and Enter
 * faster than the API answers, so scans are queued instead of blocking the input.
 */
import { useCallback, useRef } from 'preact/hooks';

export const useSerialQueue = () => {
  const tasks = useRef<(() => Promise<void>)[]>([]);
  const running = useRef(false);
  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let task = tasks.current.shift(); task; task = tasks.current.shift()) await task().catch(() => undefined);
    } finally {
      running.current = false;
    }
  }, []);
  return useCallback(
    (task: () => Promise<void>) => {
      tasks.current.push(task);
      void drain();
    },
    [drain],
  );
};
