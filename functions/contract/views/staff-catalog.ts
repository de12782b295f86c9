import * as z from 'zod/mini';
import { itemSchema, titleSchema } from '../../common/http/catalog-schemas.js';
import { ITEM_CATEGORIES, ITEM_STATUSES } from '../../domain/catalog.js';

/** POST /admin/titles (SPEC 4): the title fields; without `titleId` the service makes one. */
export const TitleBody = titleSchema;
export const TitleCreated = z.object({ titleId: z.string() });

/** POST /admin/items (SPEC 4): a copy of an existing title at an existing branch. */
export const ItemBody = itemSchema;
/** The copy as created: ON_SHELF at its home branch. */
export const CreatedItem = z.object({
  itemId: z.string(),
  titleId: z.string(),
  branch: z.string(),
  location: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  interlibrary: z.boolean(),
  status: z.enum(ITEM_STATUSES),
  callNumber: z.optional(z.string()),
});

/**
 * POST /admin/catalog/import (SPEC 4): JSON Lines, one title record per line, each with its
 * `copies` (the title fields of POST /admin/titles with `titleId` required, and per copy
 * `itemId, branch, category, interlibrary?, callNumber?`). Up to 5 MiB (the route's body limit).
 */
export const ImportBody = z.object({ jsonl: z.string().check(z.minLength(1)) });

/** A line the import left out, by number, with the field at fault. */
export const RejectedLine = z.object({ line: z.number().check(z.int()), field: z.string(), problem: z.string() });

export const ImportReport = z.object({
  titles: z.number().check(z.int(), z.describe('Titles imported.')),
  copies: z.number().check(z.int(), z.describe('Copies imported with them.')),
  existingTitles: z.array(z.string()).check(z.describe('Titles already in the catalog, left as they are (a second run of the same file changes nothing).')),
  existingItems: z.array(z.string()).check(z.describe('Copies already in the catalog, left as they are.')),
  rejectedLines: z.array(RejectedLine),
});

export type TitleInput = z.input<typeof TitleBody>;
export type ItemInput = z.input<typeof ItemBody>;
export type CreatedItemView = z.output<typeof CreatedItem>;
export type ImportReportView = z.output<typeof ImportReport>;
