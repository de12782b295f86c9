import * as z from 'zod/mini';
import type { Deps } from '../common/deps.js';
import { calendarDate, cardNumber, text } from '../common/http/schemas.js';
import { hashPassword } from '../common/password-hash.js';
import { CONTACT_METHODS, checkEmail } from '../domain/contact.js';
import { initialPasswordFor } from '../domain/password-rules.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { ImportedPatron } from '../store/patron-import.js';
import type { LineProblem } from './import-catalog.js';
import { problemOf, withoutEmptyCells, yesNo, type ChunkReport, type ImportRow } from './import-rows.js';

const PatronRow = z.object({
  cardNumber,
  name: text(100),
  birthDate: calendarDate,
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9-]{5,19}$/, { error: 'must be digits and hyphens' }))),
  email: z.optional(
    z.string().check(
      z.trim(),
      z.refine((value) => checkEmail(value).ok, { error: 'not a mail address' }),
    ),
  ),
  contactMethod: z.optional(z.enum(CONTACT_METHODS, { error: `must be one of ${CONTACT_METHODS.join(', ')}` })),
});

/**
 * Migration of patron records from the old system (SPEC 3): card number, name, birth
 * date, phone, mail address, contact method and whether internet service was issued. A
 * patron whose service was issued gets the initial password, the birth MMDD, as staff
 * issuing it at the counter would (SPEC 3, 12), and is asked to change it at first login.
 * Returns a function that imports one chunk of rows at a time; it remembers the card numbers
 * it saw, so a card number repeated in the file is reported, not imported twice.
 */
export const patronImporter = (deps: Pick<Deps, 'store' | 'clock'>) => {
  const seen = new Set<string>();
  // One salted hash per birth MMDD and run instead of one per patron: the initial password is
  // the birth MMDD, which the profile holds anyway, so sharing it tells nothing more, and it
  // spares 100,000 scrypt derivations (hours). The patron's own password gets its own salt.
  const hashes = new Map<string, Promise<string>>();
  const initialHash = (birthDate: string) => {
    const password = initialPasswordFor(birthDate);
    const known = hashes.get(password) ?? hashPassword(password);
    hashes.set(password, known);
    return known;
  };

  const check = (row: ImportRow, today: string): ImportedPatron | LineProblem | Promise<ImportedPatron> => {
    const fields = withoutEmptyCells(row.fields);
    const parsed = PatronRow.safeParse(fields);
    if (!parsed.success) return problemOf(row.line, parsed.error);
    const internetService = yesNo(fields.internetService, false);
    if (internetService === undefined) return { line: row.line, field: 'internetService', problem: 'must be true or false' };
    const { contactMethod = 'NONE', ...rest } = parsed.data;
    if (rest.birthDate > today) return { line: row.line, field: 'birthDate', problem: 'in the future' };
    if (contactMethod === 'EMAIL' && !rest.email) return { line: row.line, field: 'email', problem: 'contact method EMAIL needs an address' };
    if (contactMethod === 'PHONE' && !rest.phone) return { line: row.line, field: 'phone', problem: 'contact method PHONE needs a number' };
    if (seen.has(rest.cardNumber)) return { line: row.line, field: 'cardNumber', problem: 'card number repeated in the file' };
    seen.add(rest.cardNumber);
    const patron = {
      ...rest,
      contactMethod,
      // Chosen in the old system already; the app need not ask for it.
      contactConfigured: contactMethod !== 'NONE',
      internetService,
      createdAt: deps.clock.now().toISOString(),
    };
    return internetService ? initialHash(rest.birthDate).then((initialPasswordHash) => ({ patron, initialPasswordHash })) : { patron };
  };

  return async (rows: readonly ImportRow[]): Promise<ChunkReport> => {
    const today = tokyoDate(deps.clock.now());
    const checked = await Promise.all(rows.map((row) => check(row, today)));
    const rejected = checked.filter((c): c is LineProblem => 'problem' in c);
    const patrons = checked.filter((c): c is ImportedPatron => 'patron' in c);
    const outcomes = patrons.length > 0 ? await deps.store.patronImport.create(patrons, deps.clock.now()) : [];
    const imported = outcomes.filter((o) => o === 'created').length;
    return { imported, existing: outcomes.length - imported, rejected };
  };
};
