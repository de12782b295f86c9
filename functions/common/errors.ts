import type { ErrorCode, RuleName } from './messages.js';

/**
 * An error a client is meant to see: an HTTP status and a code from messages.ts.
 * The domain throws these; the HTTP middleware renders them (functions/common/http/).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | (string & {}),
    readonly details: {
      readonly field?: string;
      readonly rule?: RuleName;
      readonly params?: Record<string, string>;
      readonly extra?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const validationError = (field: string, rule: RuleName = 'invalid') => new AppError(400, 'VALIDATION', { field, rule });
export const notFound = () => new AppError(404, 'NOT_FOUND');
export const unauthorized = () => new AppError(401, 'UNAUTHORIZED');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
