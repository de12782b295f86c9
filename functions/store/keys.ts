/**
 * Every key of the table, and nothing else. docs/data-model.md lists the access patterns
 * each key serves. Only files in functions/store/ import this.
 */
export const keys = {
  patron: (cardNumber: string) => ({ PK: `PATRON#${cardNumber}`, SK: 'PROFILE' }),
  patronCredential: (cardNumber: string) => ({ PK: `PATRON#${cardNumber}`, SK: 'CREDENTIAL' }),
  staff: (staffId: string) => ({ PK: `STAFF#${staffId}`, SK: 'PROFILE' }),
  staffCredential: (staffId: string) => ({ PK: `STAFF#${staffId}`, SK: 'CREDENTIAL' }),
  branchesPartition: 'BRANCHES',
  branch: (code: string) => ({ PK: 'BRANCHES', SK: `BRANCH#${code}` }),
  calendarPartition: (branch: string) => `CALENDAR#${branch}`,
  /** One item per branch and month (`YYYY-MM`), days in a map. */
  calendarMonth: (branch: string, month: string) => ({ PK: `CALENDAR#${branch}`, SK: `MONTH#${month}` }),
  /** GSI1: every branch's month, so one Query answers "who is open on this date". */
  calendarMonthByMonth: (month: string, branch: string) => ({ GSI1PK: `CALENDAR_MONTH#${month}`, GSI1SK: `BRANCH#${branch}` }),
  calendarMonthByMonthPartition: (month: string) => `CALENDAR_MONTH#${month}`,
  jobRunsPartition: (job: string) => `JOB_RUNS#${job}`,
  jobRun: (job: string, runId: string) => ({ PK: `JOB_RUNS#${job}`, SK: `RUN#${runId}` }),
} as const;

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'type']);

/** The stored record without its key attributes, as the rest of the code sees it. */
export const stripKeys = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
