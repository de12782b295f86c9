/**
 * SPEC 11: the library's rules as the server applies them (GET /api/config), fetched once
 * when an app starts, so no screen states a limit the service does not enforce.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LibraryConfig } from '../../functions/contract/views/config';
import { syncServerClock } from './server-clock';

/** GET /api/config's answer, from the HTTP contract (a type-only import: nothing reaches the bundle). */
export type { LibraryConfig };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET /api/config, tried a few times (a cold start or a blip should not leave the app blank). */
export const loadConfig = async (attempts = 3): Promise<LibraryConfig> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const sentAt = Date.now();
      const response = await fetch('/api/config', { headers: { accept: 'application/json' } });
      if (response.ok) {
        const config = (await response.json()) as LibraryConfig;
        syncServerClock(config.serverTime, sentAt, Date.now());
        return config;
      }
      if (response.status < 500 || attempt >= attempts) throw new Error(`GET /api/config answered ${response.status}`);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    await pause(500 * attempt);
  }
};

export const ConfigContext = createContext<LibraryConfig | null>(null);

export const useConfig = (): LibraryConfig => {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('ConfigContext missing');
  return config;
};
