import * as z from 'zod/mini';

/**
 * Building blocks of answer schemas. Answers are described as the server writes them
 * (`io: 'output'`); an object lists every field it may carry, so the contract tests notice a
 * field the document does not name.
 */

/** ISO 8601 with the Tokyo offset, e.g. 2026-12-01T10:00:00+09:00. */
export const instant = z.iso.datetime({ offset: true });
/** A calendar date in Tokyo, YYYY-MM-DD. */
export const day = z.iso.date();
