/** SPEC 3: an internet password is 1 to 6 ASCII digits (半角数字). */
export const PASSWORD_PATTERN = /^[0-9]{1,6}$/;

export const isValidPassword = (value: string): boolean => PASSWORD_PATTERN.test(value);

/** SPEC 3: the initial password is the birth month and day, 4 digits (born 1 April → 0401). */
export const initialPasswordFor = (birthDate: string): string => birthDate.slice(5, 7) + birthDate.slice(8, 10);

/** SPEC 3: a card number is exactly 8 ASCII digits. */
export const CARD_NUMBER_PATTERN = /^[0-9]{8}$/;
