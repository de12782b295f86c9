/**
 * SES errors that no retry will cure for this address (SPEC 10.4): SES refused the message
 * itself (`MessageRejected`, e.g. an address on the account's suppression list or a
 * malformed one). Everything else (throttling, a paused account, a network fault) is worth
 * trying again on the next run, and the items stay unnotified for it.
 */
const PERMANENT = new Set(['MessageRejected', 'InvalidParameterValue']);

export const isPermanentRejection = (error: unknown): boolean => error instanceof Error && PERMANENT.has(error.name);
