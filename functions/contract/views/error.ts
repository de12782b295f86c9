import * as z from 'zod/mini';

/**
 * Every error answer (SPEC 7): `{error: {code, message, field?, …}}`, the message in the
 * client's language. The OpenAPI document lists each route's codes per status and the extra
 * fields some carry (contract/openapi.ts); this is the envelope clients read.
 */
export const ErrorAnswer = z.object({
  error: z.looseObject({ code: z.string(), message: z.string(), field: z.optional(z.string()) }),
});
export type ErrorAnswer = z.output<typeof ErrorAnswer>;
