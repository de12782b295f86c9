/** SPEC 2 demo hours, used to prefill the day editor (there is no GET of the stored calendar). */
import { weekdayOf } from './format';
import type { CalendarDayInput } from './types';

export const defaultHours = (date: string): Required<CalendarDayInput> => {
  const weekday = weekdayOf(date);
  if (weekday === 1) return { open: false, opensAt: '09:30', closesAt: '19:00' };
  if (weekday === 0 || weekday === 6) return { open: true, opensAt: '09:30', closesAt: '17:00' };
  return { open: true, opensAt: '09:30', closesAt: '19:00' };
};
