/**
 * SPEC 4 ISBNs: catalog records carry ISBN-10 or ISBN-13 as printed (hyphens, spaces,
 * full-width digits, a trailing lower-case x, an `ISBN` label). Both forms of one book
 * compare equal through their ISBN-13 (ISBN-10 n ↔ 978 + n without its check digit).
 */

const LABEL = /^\s*ISBN(?:-?1[03])?\s*:?/;
const SEPARATORS = /[\s\-‐‑‒–—―−]/g;

/** `ISBN 4-10-101001-3` → `4101010013`: label and separators removed, X upper-cased, width folded. */
export const compactIsbn = (value: string): string => value.normalize('NFKC').toUpperCase().replace(LABEL, '').replace(SEPARATORS, '');

const digitsAt = (value: string, count: number): number[] | undefined => {
  const digits: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    digits.push(d);
  }
  return digits;
};

/** Check digit of an ISBN-10 from its first nine digits: '0'–'9' or 'X' (ten). */
export const isbn10CheckDigit = (first9: string): string => {
  const digits = first9.length === 9 ? digitsAt(first9, 9) : undefined;
  if (!digits) throw new RangeError(`ISBN-10 check digit needs nine digits, got "${first9}"`);
  const sum = digits.reduce((acc, d, i) => acc + (10 - i) * d, 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
};

/** Check digit of an ISBN-13 (EAN-13) from its first twelve digits. */
export const isbn13CheckDigit = (first12: string): string => {
  const digits = first12.length === 12 ? digitsAt(first12, 12) : undefined;
  if (!digits) throw new RangeError(`ISBN-13 check digit needs twelve digits, got "${first12}"`);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? d : 3 * d), 0);
  return String((10 - (sum % 10)) % 10);
};

const isIsbn10Shape = (compact: string) => /^\d{9}[\dX]$/.test(compact);
const isIsbn13Shape = (compact: string) => /^97[89]\d{10}$/.test(compact);

export const isValidIsbn10 = (value: string): boolean => {
  const compact = compactIsbn(value);
  return isIsbn10Shape(compact) && isbn10CheckDigit(compact.slice(0, 9)) === compact[9];
};

export const isValidIsbn13 = (value: string): boolean => {
  const compact = compactIsbn(value);
  return isIsbn13Shape(compact) && isbn13CheckDigit(compact.slice(0, 12)) === compact[12];
};

export const isValidIsbn = (value: string): boolean => isValidIsbn10(value) || isValidIsbn13(value);

/** A valid ISBN-10 as its ISBN-13 (`978` prefix, new check digit); undefined if not a valid ISBN-10. */
export const isbn10To13 = (value: string): string | undefined => {
  if (!isValidIsbn10(value)) return undefined;
  const first12 = `978${compactIsbn(value).slice(0, 9)}`;
  return first12 + isbn13CheckDigit(first12);
};

/** A valid 978-prefixed ISBN-13 as its ISBN-10; undefined otherwise (979 numbers have no ISBN-10). */
export const isbn13To10 = (value: string): string | undefined => {
  if (!isValidIsbn13(value)) return undefined;
  const compact = compactIsbn(value);
  if (!compact.startsWith('978')) return undefined;
  const first9 = compact.slice(3, 12);
  return first9 + isbn10CheckDigit(first9);
};

/** The comparison form of SPEC 4: any valid ISBN-10 or ISBN-13 as 13 digits; undefined if invalid. */
export const toIsbn13 = (value: string): string | undefined => {
  const compact = compactIsbn(value);
  if (isIsbn13Shape(compact)) return isValidIsbn13(compact) ? compact : undefined;
  return isbn10To13(compact);
};

/** Do two recorded ISBNs name the same book? Invalid ones only equal themselves, compacted. */
export const sameIsbn = (a: string, b: string): boolean => (toIsbn13(a) ?? compactIsbn(a)) === (toIsbn13(b) ?? compactIsbn(b));
