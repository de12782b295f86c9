import * as z from 'zod/mini';
import { ITEM_CATEGORIES, MATERIAL_TYPES, SUBTYPES } from '../../domain/catalog.js';
import { isValidIsbn } from '../../domain/isbn.js';
import { text, trimmed } from './schemas.js';

const reading = z.optional(
  z.string().check(
    z.trim(),
    z.maxLength(500),
    z.refine((v) => /^[\u30a0-\u30ff\u3000 0-9A-Za-z・ー-]*$/.test(v), { error: 'rule:invalid' }),
  ),
);

/** SPEC 4 title fields, for POST /admin/titles and the bulk import alike. */
export const titleSchema = z.object({
  titleId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  title: text(500),
  titleReading: reading,
  author: z.optional(text(300)),
  authorReading: reading,
  publisher: z.optional(text(200)),
  year: z.optional(z.number().check(z.int(), z.gte(1000), z.lte(2999))),
  isbn: z.optional(z.string().check(z.trim(), z.refine(isValidIsbn, { error: 'rule:invalid' }))),
  materialType: z.enum(MATERIAL_TYPES),
  subtype: z.optional(z.enum(SUBTYPES)),
  series: z.optional(text(300)),
  volume: z.optional(text(50)),
});

/**
 * 請求記号 (SPEC 4): printed on the spine label, so printable characters only (no controls,
 * no invisible characters); 40 is far above the longest NDC number with author and volume marks.
 */
export const callNumber = z.optional(text(40));

/** SPEC 4 copy fields, for POST /admin/items and the bulk import. */
export const itemSchema = z.object({
  itemId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/)),
  titleId: trimmed(1, 64),
  branch: trimmed(1, 40),
  category: z.enum(ITEM_CATEGORIES),
  interlibrary: z.optional(z.boolean()),
  callNumber,
});
