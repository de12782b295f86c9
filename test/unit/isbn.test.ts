import { describe, expect, it } from 'vitest';
import {
  compactIsbn,
  isbn10CheckDigit,
  isbn10To13,
  isbn13CheckDigit,
  isbn13To10,
  isValidIsbn,
  isValidIsbn10,
  isValidIsbn13,
  sameIsbn,
  toIsbn13,
} from '../../functions/domain/isbn.js';

describe('SPEC 4 ISBNs are compared normalised', () => {
  it('hyphens, spaces, full-width digits and an ISBN label are removed; x is upper-cased', () => {
    expect(compactIsbn('4-10-101003-x')).toBe('410101003X');
    expect(compactIsbn('ISBN 978-4-10-101001-4')).toBe('9784101010014');
    expect(compactIsbn('ISBN-13: 978 4 10 101001 4')).toBe('9784101010014');
    expect(compactIsbn('９７８４１０１０１００１４')).toBe('9784101010014');
  });

  it('check digits: ISBN-10 modulus 11 (X for ten), ISBN-13 modulus 10 with weights 1 and 3', () => {
    expect(isbn10CheckDigit('410101001')).toBe('3');
    expect(isbn10CheckDigit('410101003')).toBe('X');
    expect(isbn13CheckDigit('978410101001')).toBe('4');
    expect(isbn13CheckDigit('978410101003')).toBe('8');
    expect(() => isbn10CheckDigit('41010100')).toThrow(RangeError);
    expect(() => isbn13CheckDigit('97841010100X')).toThrow(RangeError);
  });

  it.each([
    ['4-10-101001-3', true],
    ['4101010013', true],
    ['4-10-101003-X', true],
    ['4-10-101003-x', true],
    ['4-10-101001-4', false],
    ['978-4-10-101001-4', true],
    ['9784101010014', true],
    ['9784101010015', false],
    ['9774101010014', false],
    ['410101001', false],
    ['', false],
    ['吾輩は猫である', false],
  ])('%s is a valid ISBN: %s', (value, valid) => expect(isValidIsbn(value)).toBe(valid));

  it('ISBN-10 and ISBN-13 validity are separate checks', () => {
    expect(isValidIsbn10('4101010013')).toBe(true);
    expect(isValidIsbn13('4101010013')).toBe(false);
    expect(isValidIsbn13('9784101010014')).toBe(true);
    expect(isValidIsbn10('9784101010014')).toBe(false);
  });

  it('ISBN-10 ↔ ISBN-13 with the 978 prefix and a new check digit', () => {
    expect(isbn10To13('4-10-101001-3')).toBe('9784101010014');
    expect(isbn10To13('4-10-101003-X')).toBe('9784101010038');
    expect(isbn13To10('978-4-10-101001-4')).toBe('4101010013');
    expect(isbn13To10('9784101010038')).toBe('410101003X');
    expect(isbn10To13('4-10-101001-4')).toBeUndefined();
    // 979 numbers have no ISBN-10.
    expect(isbn13To10(`979100000000${isbn13CheckDigit('979100000000')}`)).toBeUndefined();
  });

  it('either form compares as the same ISBN-13; invalid numbers only equal themselves', () => {
    expect(toIsbn13('4-10-101001-3')).toBe('9784101010014');
    expect(toIsbn13('978-4-10-101001-4')).toBe('9784101010014');
    expect(toIsbn13('4-10-101001-4')).toBeUndefined();
    expect(sameIsbn('4-10-101001-3', '978 4 10 101001 4')).toBe(true);
    expect(sameIsbn('4-10-101003-x', '9784101010038')).toBe(true);
    expect(sameIsbn('4-10-101001-3', '9784101010038')).toBe(false);
    expect(sameIsbn('4-10-101001-4', '4101010014')).toBe(true);
  });
});

describe('SPEC 4 ISBNs: what is and is not an ISBN as written in catalog records', () => {
  it('the label is understood in front of the number, with or without a hyphen, after leading spaces', () => {
    expect(compactIsbn('  ISBN 4-10-101001-3')).toBe('4101010013');
    expect(compactIsbn('ISBN13 978-4-10-101001-4')).toBe('9784101010014');
    expect(compactIsbn('ISBN-10: 4-10-101001-3')).toBe('4101010013');
    expect(isValidIsbn('  isbn 4-10-101001-3')).toBe(true);
  });

  it('a word after the number is not a label: such a value is no ISBN', () => {
    expect(isValidIsbn('4-10-101001-3 ISBN')).toBe(false);
  });

  it.each(['41010100135', '4-10-101001-35', 'A4101010013', '97841010100145', 'A9784101010014', '9784101010014X'])(
    'one character too many makes %s invalid (it is not read as the ISBN inside it)',
    (value) => {
      expect(isValidIsbn(value)).toBe(false);
      expect(toIsbn13(value)).toBeUndefined();
    },
  );

  it('an ISBN-13 with a wrong check digit has no ISBN-10', () => {
    expect(isbn13To10('978-4-10-101001-5')).toBeUndefined();
  });

  it('check digits are computed from digits only: a separator left in, or a digit too many, is refused', () => {
    expect(() => isbn10CheckDigit('4-1010100')).toThrow(/nine digits, got "4-1010100"/);
    expect(() => isbn10CheckDigit('41010100 ')).toThrow(RangeError);
    expect(() => isbn13CheckDigit('978-41010100')).toThrow(/twelve digits, got "978-41010100"/);
    expect(() => isbn13CheckDigit('9784101010014')).toThrow(RangeError);
  });
});
