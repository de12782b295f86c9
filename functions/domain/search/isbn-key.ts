import { compactIsbn, toIsbn13 } from '../isbn.js';

/**
 * The number an ISBN is compared by: a valid ISBN-10 or ISBN-13 as its ISBN-13, so either
 * form finds the title; an invalid one (real catalogs have a few) as its digits, so typing
 * it as recorded still finds it. NaN when the value is no ISBN at all.
 */
export const isbnSearchKey = (value: string | undefined): number => {
  if (!value) return Number.NaN;
  const key = toIsbn13(value) ?? compactIsbn(value);
  return /^\d{10,13}$/.test(key) && !/^0+$/.test(key) ? Number(key) : Number.NaN;
};
