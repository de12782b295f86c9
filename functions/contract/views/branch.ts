import * as z from 'zod/mini';

/** A branch (SPEC 2): names in Japanese, English as `nameEn`; in the library's own order. */
export const BranchView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.optional(z.string()),
  phone: z.optional(z.string()),
  order: z.optional(z.number()).check(z.describe("Display order (the library's own, not alphabetical).")),
});
export type BranchView = z.output<typeof BranchView>;
