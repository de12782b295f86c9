import { AppError } from '../errors.js';

/**
 * Every path parameter of every route names a record by an id we issued or imported: card
 * numbers, title and item ids, hold ids, branch codes, dates, job names. None is longer than
 * 64 characters or uses anything but ASCII letters, digits, `.`, `_` and `-` (the import and
 * title schemas hold ids to that), so anything else is refused before it reaches a handler:
 * a 3 KB id must answer 400, not 500 from DynamoDB's key-size limit.
 */
const PATH_PARAMETER = /^[A-Za-z0-9._-]{1,64}$/;

export const checkPathParameters = (params: Readonly<Record<string, string | undefined>>): void => {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || !PATH_PARAMETER.test(value)) throw new AppError(400, 'VALIDATION', { field: name, rule: 'invalid' });
  }
};
