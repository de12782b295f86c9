import * as z from 'zod/mini';

/**
 * A path parameter: an id we issued or imported, 1–64 of ASCII letters, digits, `.`, `_`, `-`.
 * The HTTP layer refuses anything else with 400 VALIDATION naming the parameter
 * (functions/common/http/path-parameters.ts).
 */
export const pathId = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/));

/** The path parameters of routes on one hold or one title (patron and staff alike). */
export const holdParams = z.object({ holdId: pathId });
export const titleParams = z.object({ titleId: pathId });

/** The extra field of a 409 refused by the hold's state: the state it is in. */
export const refusedState = z.object({ status: z.optional(z.string()) });
