import { outboxRelay } from '../wiring.js';

/** Partitions of the provisional-hold index and of each branch's pull-list markers (decision 019). */
const PROVISIONAL_SHARDS = 8;
const PULL_SHARDS = 4;

/** A stable shard of `id` (FNV-1a), so a hold or title always lands in the same partition. */
const shardOf = (id: string, shards: number): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % shards;
};
const shardNames = (prefix: string, shards: number) => Array.from({ length: shards }, (_, i) => `${prefix}#${i}`);

/**
 * Every key of the table, and nothing else. docs/data-model.md lists the access patterns
 * each key serves. Only files in functions/store/ import this.
 */
export const keys = {
  patron: (cardNumber: string) => ({ PK: `PATRON#${cardNumber}`, SK: 'PROFILE' }),
  patronCredential: (cardNumber: string) => ({ PK: `PATRON#${cardNumber}`, SK: 'CREDENTIAL' }),
  staff: (staffId: string) => ({ PK: `STAFF#${staffId}`, SK: 'PROFILE' }),
  staffCredential: (staffId: string) => ({ PK: `STAFF#${staffId}`, SK: 'CREDENTIAL' }),
  /** GSI1: every staff account, by id (SPEC 11 staff list; a library has tens). */
  staffListed: (staffId: string) => ({ GSI1PK: 'STAFF', GSI1SK: `STAFF#${staffId}` }),
  staffListPartition: 'STAFF',
  /**
   * SPEC 11 patron lookup: one small item per patron, apart from the busy profile so that
   * counter updates do not rewrite the indexes. GSI1 by folded name, partitioned by its first
   * character; GSI2 by card number, partitioned by its first four digits.
   */
  patronLookup: (cardNumber: string) => ({ PK: `PATRON#${cardNumber}`, SK: 'LOOKUP' }),
  patronByName: (firstCharacter: string, foldedName: string, cardNumber: string) => ({
    GSI1PK: `PATRON_NAME#${firstCharacter}`,
    GSI1SK: `${foldedName}#${cardNumber}`,
  }),
  patronNamePartition: (firstCharacter: string) => `PATRON_NAME#${firstCharacter}`,
  patronByCard: (cardNumber: string) => ({ GSI2PK: `PATRON_CARD#${cardNumber.slice(0, 4)}`, GSI2SK: cardNumber }),
  patronCardPartition: (firstFourDigits: string) => `PATRON_CARD#${firstFourDigits}`,
  /**
   * SPEC 10.4: one item per patron using a mail address, so SES feedback (which names only the
   * address) finds its patrons without a Scan. Written with the contact change that sets it.
   */
  patronEmail: (normalizedEmail: string, cardNumber: string) => ({ PK: `EMAIL#${normalizedEmail}`, SK: `PATRON#${cardNumber}` }),
  emailPartition: (normalizedEmail: string) => `EMAIL#${normalizedEmail}`,
  /**
   * Login attempts of a card number or staff id, whether or not it exists (SPEC 12: an
   * unknown card locks like a known one). Apart from the credential, and with a TTL.
   */
  loginAttempts: (kind: 'patron' | 'staff', id: string) => ({ PK: `LOGIN#${kind === 'patron' ? 'PATRON' : 'STAFF'}#${id}`, SK: 'ATTEMPTS' }),
  branchesPartition: 'BRANCHES',
  branchPrefix: 'BRANCH#',
  branch: (code: string) => ({ PK: 'BRANCHES', SK: `BRANCH#${code}` }),
  /** A branch's weekly hours, beside the branches: one Query reads every branch's. */
  branchHoursPrefix: 'HOURS#',
  branchHours: (code: string) => ({ PK: 'BRANCHES', SK: `HOURS#${code}` }),
  calendarPartition: (branch: string) => `CALENDAR#${branch}`,
  calendarExceptionPrefix: 'DATE#',
  /** A date staff set apart from a branch's weekly hours (closed, or other hours). */
  calendarException: (branch: string, date: string) => ({ PK: `CALENDAR#${branch}`, SK: `DATE#${date}` }),
  /** GSI1: every branch's exceptions of one month (`YYYY-MM`), by date. */
  calendarExceptionByMonth: (date: string, branch: string) => ({ GSI1PK: `CALENDAR_EXCEPTIONS#${date.slice(0, 7)}`, GSI1SK: `${date}#${branch}` }),
  calendarExceptionsOfMonth: (month: string) => `CALENDAR_EXCEPTIONS#${month}`,
  // Catalog
  title: (titleId: string) => ({ PK: `TITLE#${titleId}`, SK: 'TITLE' }),
  /** GSI3: every title in catalog-change order (search index builds and deltas). */
  titleBySequence: (sequence: number) => ({ GSI3PK: 'CATALOG', GSI3SK: String(sequence).padStart(12, '0') }),
  catalogPartition: 'CATALOG',
  catalogSequence: { PK: 'META', SK: 'CATALOG_SEQUENCE' },
  item: (itemId: string) => ({ PK: `ITEM#${itemId}`, SK: 'ITEM' }),
  /**
   * GSI1 `TITLE_ITEMS#{titleId}`: a title's own partition, sorted `#TITLE` (the title item),
   * `ITEM#…` (its copies), `QUEUE#…` (its active holds): one Query reads the title with its
   * copies (placing a hold) or the copies with the queue (position and estimate, SPEC 10.3).
   */
  titleInItems: (titleId: string) => ({ GSI1PK: `TITLE_ITEMS#${titleId}`, GSI1SK: '#TITLE' }),
  itemByTitle: (titleId: string, itemId: string) => ({ GSI1PK: `TITLE_ITEMS#${titleId}`, GSI1SK: `ITEM#${itemId}` }),
  titleItemsPartition: (titleId: string) => `TITLE_ITEMS#${titleId}`,
  titlePartitionSort: { title: '#TITLE', itemPrefix: 'ITEM#', queuePrefix: 'QUEUE#' },
  // Holds: in the patron's partition, so the status page is one Query.
  patronPartition: (cardNumber: string) => `PATRON#${cardNumber}`,
  hold: (cardNumber: string, holdId: string) => ({ PK: `PATRON#${cardNumber}`, SK: `HOLD#${holdId}` }),
  /** One per patron and title while a hold is active: SPEC 5.2 rule 3 as a condition. */
  activeHoldMarker: (cardNumber: string, titleId: string) => ({ PK: `PATRON#${cardNumber}`, SK: `ACTIVE#${titleId}` }),
  /** GSI1: a title's queue, by request time (active holds only), in the title's partition beside its copies. */
  holdInQueue: (titleId: string, requestedAt: string, holdId: string) => ({ GSI1PK: `TITLE_ITEMS#${titleId}`, GSI1SK: `QUEUE#${requestedAt}#${holdId}` }),
  queuePartition: (titleId: string) => `TITLE_ITEMS#${titleId}`,
  /**
   * GSI2: provisional holds by request time, for the registration batch, spread over
   * PROVISIONAL_SHARDS partitions by hold id (decision 019): the batch reads them all and
   * merges them in request order.
   */
  provisionalHold: (requestedAt: string, holdId: string) => ({ GSI2PK: `PROVISIONAL#${shardOf(holdId, PROVISIONAL_SHARDS)}`, GSI2SK: `${requestedAt}#${holdId}` }),
  /** Every partition the batch reads: the shards, then `PROVISIONAL` where holds placed before the shards wait. */
  provisionalPartitions: [...shardNames('PROVISIONAL', PROVISIONAL_SHARDS), 'PROVISIONAL'],
  /**
   * GSI2: a hold placed WAITING at the counter, until the registration batch files it under
   * its title's pull-list markers and removes the key (holds registered before decision 019
   * wait here too). Registered holds have no GSI2 key while WAITING: pull lists find them
   * through `pullTitle` and the title's queue (GSI1).
   */
  waitingHold: (titleId: string, requestedAt: string, holdId: string) => ({ GSI2PK: 'WAITING', GSI2SK: `${titleId}#${requestedAt}#${holdId}` }),
  waitingPartition: 'WAITING',
  /**
   * A title whose WAITING holds a copy on `branch`'s shelf may fill (decision 019): one item
   * per branch where the title has a copy, written with the registration that makes a hold
   * WAITING and with a new copy; a pull list removes it once the title has no WAITING hold.
   */
  pullTitle: (branch: string, titleId: string) => ({ PK: `PULL#${branch}#${shardOf(titleId, PULL_SHARDS)}`, SK: `TITLE#${titleId}` }),
  pullTitlePartitions: (branch: string) => shardNames(`PULL#${branch}`, PULL_SHARDS),
  /** GSI2: READY holds of a pickup branch by deadline (expiry, notices, contact lists). */
  readyHold: (pickupBranch: string, pickupDeadline: string, holdId: string) => ({ GSI2PK: `READY#${pickupBranch}`, GSI2SK: `${pickupDeadline}#${holdId}` }),
  readyPartition: (pickupBranch: string) => `READY#${pickupBranch}`,
  /** GSI3: a hold by its id alone (staff routes). */
  holdById: (holdId: string) => ({ GSI3PK: `HOLD#${holdId}`, GSI3SK: 'HOLD' }),
  holdByIdPartition: (holdId: string) => `HOLD#${holdId}`,
  basketEntry: (cardNumber: string, titleId: string) => ({ PK: `PATRON#${cardNumber}`, SK: `BASKET#${titleId}` }),
  loan: (cardNumber: string, itemId: string) => ({ PK: `PATRON#${cardNumber}`, SK: `LOAN#${itemId}` }),
  /** An event waiting in the outbox for the stream relay (written in the transaction it reports). */
  outboxEvent: (eventId: string) => ({ PK: `${outboxRelay.keyPrefix}${eventId}`, SK: 'EVENT' }),
  jobRunsPartition: (job: string) => `JOB_RUNS#${job}`,
  jobRun: (job: string, runId: string) => ({ PK: `JOB_RUNS#${job}`, SK: `RUN#${runId}` }),
} as const;

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'type']);

/** The stored record without its key attributes, as the rest of the code sees it. */
export const stripKeys = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
