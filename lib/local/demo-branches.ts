import type { WeeklyHours } from '../../functions/domain/calendar.js';
import type { Branch } from '../../functions/store/branches.js';

/** SPEC 2: the Mito city library's six libraries (demo data, not code). */
export const demoBranches: readonly Branch[] = [
  { code: 'central', name: '中央図書館', nameEn: 'Central Library', phone: '029-226-6000', order: 1 },
  { code: 'east', name: '東部図書館', nameEn: 'East Library', phone: '029-247-0100', order: 2 },
  { code: 'west', name: '西部図書館', nameEn: 'West Library', phone: '029-254-1001', order: 3 },
  { code: 'miwa', name: '見和図書館', nameEn: 'Miwa Library', phone: '029-254-5516', order: 4 },
  { code: 'tsunezumi', name: '常澄図書館', nameEn: 'Tsunezumi Library', phone: '029-269-5000', order: 5 },
  { code: 'uchihara', name: '内原図書館', nameEn: 'Uchihara Library', phone: '029-259-5151', order: 6 },
];

export const demoPatron = { cardNumber: '10000001', name: '水戸 花子', birthDate: '1985-04-01', phone: '029-000-0001', email: 'hanako@example.jp' } as const;
export const demoStaffId = 'admin';
/** SPEC 11: a COUNTER account, to see the console as counter staff do. */
export const demoCounterStaffId = 'counter';

/** SPEC 2 demo hours: 09:30–19:00 Tue–Fri, 09:30–17:00 Sat–Sun, closed Mon. */
export const demoWeeklyHours: WeeklyHours = {
  sun: { opensAt: '09:30', closesAt: '17:00' },
  mon: null,
  tue: { opensAt: '09:30', closesAt: '19:00' },
  wed: { opensAt: '09:30', closesAt: '19:00' },
  thu: { opensAt: '09:30', closesAt: '19:00' },
  fri: { opensAt: '09:30', closesAt: '19:00' },
  sat: { opensAt: '09:30', closesAt: '17:00' },
};
