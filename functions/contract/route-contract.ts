import type * as z from 'zod/mini';
import type { ErrorCode } from '../common/messages.js';

/** An answer without a body (204, 202 without content). */
export const empty = null;

/**
 * What one route takes and answers: the HTTP contract of SPEC 7 as data. The OpenAPI
 * document (contract/openapi.ts) is generated from these, the handlers parse their input
 * with the same request schemas, and the integration tests validate every answer that
 * passes through the HTTP layer against the generated document (test/support/contract-check.ts).
 */
export interface RouteContract {
  /** One line, for the operation list. */
  readonly summary: string;
  /** The rule it implements and anything an integrator must know (Markdown). */
  readonly description?: string;
  /** Path parameters, by the names in the route's path. */
  readonly params?: z.ZodMiniObject;
  /** Query string parameters; every value arrives as a string. */
  readonly query?: z.ZodMiniObject;
  /** The JSON body. */
  readonly body?: z.ZodMiniType;
  /** Success answers by status: the body's schema, or `empty` for none. */
  readonly responses: Readonly<Record<number, z.ZodMiniType | typeof empty>>;
  /**
   * The error codes this route answers, by status, besides those every route of its access
   * can answer (contract/common-errors.ts). The contract tests fail on an error answer whose
   * code is not listed here or there.
   */
  readonly errors: Readonly<Partial<Record<number, readonly ErrorCode[]>>>;
  /**
   * A schema for the `error` object of some statuses that carry more than code, message and
   * field (e.g. every title's result of a refused sequence).
   */
  readonly errorDetails?: Readonly<Partial<Record<number, z.ZodMiniObject>>>;
}

/** Declares a contract; the identity, for inference and a place to hang the type. */
export const contract = <C extends RouteContract>(c: C): C => c;
