/** The pickup branch the patron chose last time, offered again (this device only). */
const PICKUP_KEY = 'patron-pickup';

export const lastPickup = (): string => {
  try {
    return localStorage.getItem(PICKUP_KEY) ?? '';
  } catch {
    return '';
  }
};

export const rememberPickup = (code: string): void => {
  try {
    localStorage.setItem(PICKUP_KEY, code);
  } catch {
    /* storage blocked */
  }
};
