import type * as z from 'zod/mini';
import { AppError } from '../errors.js';
import type { RuleName } from '../messages.js';

/**
 * Parses input with a zod schema; the first problem becomes 400 VALIDATION naming its
 * field. A schema names the rule to explain with `{ error: 'rule:password' }`; otherwise a
 * missing field explains `required` and anything else `invalid`.
 */
export const parseInput = <S extends z.ZodMiniType>(schema: S, input: unknown, root = 'body'): z.infer<S> => {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : root;
  const named = issue?.message.startsWith('rule:') ? (issue.message.slice(5) as RuleName) : undefined;
  const missing = issue?.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  throw new AppError(400, 'VALIDATION', { field, rule: named ?? (missing ? 'required' : 'invalid') });
};
