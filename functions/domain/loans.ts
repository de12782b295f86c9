import { addDays } from './tokyo-time.js';

/** SPEC 6: a loan is due on the 15th day counting the checkout day (checkout day + 14). */
export const LOAN_DAYS = 14;
/** SPEC 6: a loan may be renewed once. */
export const RENEWALS = 1;
export const dueDateFor = (checkoutDate: string): string => addDays(checkoutDate, LOAN_DAYS);
