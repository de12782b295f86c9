import * as z from 'zod/mini';
import { ITEM_CATEGORIES, ITEM_STATUSES, MATERIAL_TYPES, SUBTYPES } from '../../domain/catalog.js';
import { day } from './common.js';

export const MaterialType = z.enum(MATERIAL_TYPES);
export type MaterialType = z.output<typeof MaterialType>;
export const ItemCategory = z.enum(ITEM_CATEGORIES);
export type ItemCategory = z.output<typeof ItemCategory>;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.output<typeof ItemStatus>;

/** SPEC 5.2 rules 1 and 4: why a title cannot be reserved online. */
export const HoldRefusalReason = z.enum(['NOT_HOLDABLE', 'COUNTER_ONLY', 'LONG_OVERDUE']);
export type HoldRefusalReason = z.output<typeof HoldRefusalReason>;

/** Copies, and copies on the shelf, of one branch (missing copies are not counted). */
export const BranchAvailability = z.object({ branch: z.string(), copies: z.number(), available: z.number() });
export type BranchAvailability = z.output<typeof BranchAvailability>;

/** SPEC 4 holdable: `reason` is null exactly when `holdable`. */
export const holdabilityFields = {
  holdable: z.boolean(),
  reason: z.nullable(HoldRefusalReason),
};

export const CopyView = z.object({
  itemId: z.string(),
  branch: z.string().check(z.describe('Home branch (所蔵館).')),
  location: z.string().check(z.describe('Where the copy is now (a branch code).')),
  category: ItemCategory,
  status: ItemStatus,
  interlibrary: z.boolean().check(z.describe('相互貸借資料: borrowed from another library system.')),
  callNumber: z.nullable(z.string()).check(z.describe('請求記号: the label on the spine, to find the copy on an open shelf.')),
});
export type CopyView = z.output<typeof CopyView>;

/** GET /api/catalog/titles/{titleId}: the catalog record, its copies, holdability and the queue. */
export const TitleDetail = z.object({
  titleId: z.string(),
  title: z.string(),
  titleReading: z.optional(z.string()).check(z.describe('タイトルヨミ (katakana).')),
  author: z.optional(z.string()),
  authorReading: z.optional(z.string()),
  publisher: z.optional(z.string()),
  year: z.optional(z.number()),
  isbn: z.optional(z.string()),
  materialType: MaterialType,
  subtype: z.optional(z.enum(SUBTYPES)),
  series: z.optional(z.string()),
  volume: z.optional(z.string()),
  copies: z.array(CopyView),
  availability: z.object({ copies: z.number(), available: z.number(), branches: z.array(BranchAvailability) }),
  ...holdabilityFields,
  waiting: z.number().check(z.describe('Holds PROVISIONAL or WAITING on the title.')),
  estimatedReadyDate: z.nullable(day).check(z.describe('SPEC 10.3: the expected ready date of a hold placed now; null when not holdable or no copy can fill it.')),
});
export type TitleDetail = z.output<typeof TitleDetail>;
