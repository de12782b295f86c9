import * as z from 'zod/mini';
import { SUBTYPES } from '../../domain/catalog.js';
import { BranchAvailability, holdabilityFields, MaterialType } from './title.js';

/** One search result (SPEC 4): the title, its availability in all and per branch, holdability. */
export const SearchItem = z.object({
  titleId: z.string(),
  title: z.string(),
  author: z.nullable(z.string()),
  publisher: z.nullable(z.string()),
  year: z.nullable(z.number()),
  isbn: z.nullable(z.string()),
  materialType: MaterialType,
  subtype: z.nullable(z.enum(SUBTYPES)),
  series: z.nullable(z.string()),
  volume: z.nullable(z.string()),
  ...holdabilityFields,
  copies: z.number(),
  available: z.number(),
  availability: z.array(BranchAvailability),
});
export type SearchItem = z.output<typeof SearchItem>;

export const SearchResult = z.object({
  total: z.number().check(z.describe("Every match, not only this page's.")),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(SearchItem),
});
export type SearchResult = z.output<typeof SearchResult>;
