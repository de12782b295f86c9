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
  calendarDay: (branch: string, date: string) => ({ PK: `CALENDAR#${branch}`, SK: `DATE#${date}` }),
  /** GSI1: every branch's hours of one date, in one Query. */
  calendarByDate: (date: string, branch: string) => ({ GSI1PK: `CALENDAR_DATE#${date}`, GSI1SK: `BRANCH#${branch}` }),
  calendarByDatePartition: (date: string) => `CALENDAR_DATE#${date}`,
  jobRunsPartition: (job: string) => `JOB_RUNS#${job}`,
  jobRun: (job: string, runId: string) => ({ PK: `JOB_RUNS#${job}`, SK: `RUN#${runId}` }),
} as const;

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'type']);

/** The stored record without its key attributes, as the rest of the code sees it. */
export const stripKeys = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
