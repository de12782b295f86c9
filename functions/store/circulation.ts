import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure, whenConditionsHold, type Db } from './db.js';
import { keys } from './keys.js';
import type { StoredItem } from './catalog.js';
import type { Hold } from './holds.js';
import { outboxParts, type PendingEvent } from './outbox.js';
import type { Loan } from './patron-records.js';
import { tokyoDate } from '../domain/tokyo-time.js';

/** A copy as circulation sees it: who it is assigned to, where it travels, its version. */
export type CirculatingItem = StoredItem & {
  readonly assignedHoldId?: string;
  readonly assignedCard?: string;
  readonly destination?: string;
  readonly borrower?: string;
  readonly version?: number;
};

/** Every copy change is conditional on the version read, so two scans cannot both apply. */
const sameVersion = (item: CirculatingItem) => ({
  condition: '(attribute_not_exists(version) OR version = :version)',
  values: { ':version': item.version ?? 0, ':next': (item.version ?? 0) + 1 },
});

export interface ReadyFields {
  readonly readyAt: string;
  readonly readyDate: string;
  readonly pickupDeadline: string;
}

const readyHoldUpdate = (hold: Hold, ready: ReadyFields) => ({
  expression: 'SET #status = :ready, readyAt = :readyAt, readyDate = :readyDate, pickupDeadline = :deadline, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk',
  values: {
    ':ready': 'READY',
    ':readyAt': ready.readyAt,
    ':readyDate': ready.readyDate,
    ':deadline': ready.pickupDeadline,
    ':gsi2pk': keys.readyPartition(hold.pickupBranch),
    ':gsi2sk': keys.readyHold(hold.pickupBranch, ready.pickupDeadline, hold.holdId).GSI2SK,
  },
});

/** A copy goes ON_LOAN to the borrower and their loan record is written, in one transaction. */
const lendParts = (
  db: Db,
  item: CirculatingItem,
  cardNumber: string,
  loan: Loan,
  branch: string,
  guard: { condition: string; values: Record<string, unknown> },
): Record<string, unknown>[] => {
  const version = sameVersion(item);
  return [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.item(item.itemId),
        UpdateExpression:
          'SET #status = :onLoan, dueDate = :due, borrower = :card, #location = :branch, version = :next REMOVE assignedHoldId, assignedCard, destination',
        ConditionExpression: `${version.condition} AND ${guard.condition}`,
        ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
        ExpressionAttributeValues: { ...version.values, ...guard.values, ':onLoan': 'ON_LOAN', ':due': loan.dueDate, ':card': cardNumber, ':branch': branch },
      },
    },
    { Put: { TableName: db.tableName, Item: { ...keys.loan(cardNumber, item.itemId), type: 'Loan', ...loan }, ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
};

/** A copy lent from the shelf: on it, and promised to no hold. */
const ON_SHELF_GUARD = { condition: '#status = :onShelf AND attribute_not_exists(assignedHoldId)', values: { ':onShelf': 'ON_SHELF' } };

/**
 * Which copies an assignment may take: a free one, one still held by the hold it leaves, or
 * one on loan being returned (it forgets its borrower in the same step).
 */
type AssignmentGuard = { readonly free: true } | { readonly from: string } | { readonly returning: true };

const copyGuardOf = (guard: AssignmentGuard) => {
  if ('free' in guard) {
    return {
      condition: 'attribute_not_exists(assignedHoldId) AND #status IN (:onShelf, :inTransit, :missing)',
      values: { ':onShelf': 'ON_SHELF', ':inTransit': 'IN_TRANSIT', ':missing': 'MISSING' },
    };
  }
  if ('from' in guard) return { condition: 'assignedHoldId = :fromHoldId', values: { ':fromHoldId': guard.from } };
  return { condition: '#status = :onLoan', values: { ':onLoan': 'ON_LOAN' } };
};

/** Whose loan a returned copy ends: its record goes, and the hold it fulfilled (SPEC 6 privacy). */
export interface ReturnedLoan {
  readonly cardNumber: string;
  readonly holdId?: string;
}

const returnedLoanParts = (db: Db, item: CirculatingItem, returned: ReturnedLoan) => [
  { Delete: { TableName: db.tableName, Key: keys.loan(returned.cardNumber, item.itemId) } },
  ...(returned.holdId ? [{ Delete: { TableName: db.tableName, Key: keys.hold(returned.cardNumber, returned.holdId) } }] : []),
];

/** Runs an assignment's transaction: which of its first two parts (copy, hold) refused, if any. */
const sendAssignment = async (db: Db, parts: readonly Record<string, unknown>[]): Promise<'assigned' | 'item-changed' | 'hold-taken'> => {
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: parts as never }));
    return 'assigned';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return cancellationCodes(error)[0] === 'ConditionalCheckFailed' ? 'item-changed' : 'hold-taken';
  }
};

/**
 * The two parts of an assignment: the copy goes to `hold` (ON_HOLD_SHELF at `at` with
 * `ready`, else IN_TRANSIT to the pickup branch) and the hold, still WAITING, takes it.
 */
const assignmentParts = (db: Db, item: CirculatingItem, hold: Hold, at: string, ready: ReadyFields | undefined, guard: AssignmentGuard, today: string) => {
  const version = sameVersion(item);
  const holdChange = ready ? readyHoldUpdate(hold, ready) : { expression: 'SET #status = :transit REMOVE GSI2PK, GSI2SK', values: { ':transit': 'IN_TRANSIT' } };
  const copyGuard = copyGuardOf(guard);
  return [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.item(item.itemId),
        UpdateExpression:
          'SET #status = :itemStatus, #location = :at, destination = :pickup, assignedHoldId = :holdId, assignedCard = :card, version = :next' +
          ('returning' in guard ? ' REMOVE borrower, dueDate' : ''),
        ConditionExpression: `${version.condition} AND ${copyGuard.condition}`,
        ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
        ExpressionAttributeValues: {
          ...version.values,
          ...copyGuard.values,
          ':itemStatus': ready ? 'ON_HOLD_SHELF' : 'IN_TRANSIT',
          ':at': at,
          ':pickup': hold.pickupBranch,
          ':holdId': hold.holdId,
          ':card': hold.cardNumber,
        },
      },
    },
    {
      Update: {
        TableName: db.tableName,
        Key: keys.hold(hold.cardNumber, hold.holdId),
        UpdateExpression: `${holdChange.expression.replace('SET ', 'SET itemId = :itemId, ')}`,
        // SPEC 10.1: a hold suspended meanwhile (its date still ahead) takes no copy.
        ConditionExpression: '#status = :waiting AND (attribute_not_exists(suspendedUntil) OR suspendedUntil <= :today)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...holdChange.values, ':itemId': item.itemId, ':waiting': 'WAITING', ':today': today },
      },
    },
  ];
};

/** Where an unassigned copy goes: on the shelf at `branch`, or travelling home from there. */
export type Placement = { status: 'ON_SHELF' } | { status: 'IN_TRANSIT'; destination: string };

const placementUpdate = (to: Placement, alsoRemove: readonly string[] = []) => {
  const sets = ['#status = :status', '#location = :branch', ...(to.status === 'IN_TRANSIT' ? ['destination = :destination'] : []), 'version = :next'];
  const removes = [...(to.status === 'ON_SHELF' ? ['destination'] : []), ...alsoRemove];
  return {
    expression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    values: { ':status': to.status, ...(to.status === 'IN_TRANSIT' ? { ':destination': to.destination } : {}) },
  };
};

export const circulationStore = (db: Db) => ({
  /**
   * SPEC 5.4: assigns a free copy to a WAITING hold, READY at the pickup branch or
   * IN_TRANSIT towards it. `item-changed`: another scan moved the copy first;
   * `hold-taken`: another copy filled that hold first.
   */
  async assign(
    item: CirculatingItem,
    hold: Hold,
    at: string,
    ready: ReadyFields | undefined,
    events: readonly PendingEvent[],
    now: Date,
  ): Promise<'assigned' | 'item-changed' | 'hold-taken'> {
    return sendAssignment(db, [...assignmentParts(db, item, hold, at, ready, { free: true }, tokyoDate(now)), ...outboxParts(db, events, now)]);
  },

  /**
   * SPEC 5.4 check-in of a copy on loan that a WAITING hold can take, in ONE transaction: the
   * loan ends (its record and the hold it fulfilled are deleted, the copy forgets its
   * borrower) and the copy goes to `hold`. A function that dies half-way leaves the loan as
   * it was, never a returned copy that fills no hold. Outcomes as `assign`.
   */
  async returnAndAssign(
    item: CirculatingItem,
    returned: ReturnedLoan,
    hold: Hold,
    at: string,
    ready: ReadyFields | undefined,
    events: readonly PendingEvent[],
    now: Date,
  ): Promise<'assigned' | 'item-changed' | 'hold-taken'> {
    return sendAssignment(db, [
      ...assignmentParts(db, item, hold, at, ready, { returning: true }, tokyoDate(now)),
      ...returnedLoanParts(db, item, returned),
      ...outboxParts(db, events, now),
    ]);
  },

  /** SPEC 5.4 check-in of a copy on loan that no hold takes: the loan ends and the copy is shelved or sent home, in one transaction. */
  async returnAndPlace(item: CirculatingItem, returned: ReturnedLoan, branch: string, to: Placement): Promise<boolean> {
    const version = sameVersion(item);
    const change = placementUpdate(to, ['borrower', 'dueDate']);
    return whenConditionsHold(
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.tableName,
                Key: keys.item(item.itemId),
                UpdateExpression: change.expression,
                ConditionExpression: `${version.condition} AND #status = :onLoan`,
                ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
                ExpressionAttributeValues: { ...version.values, ...change.values, ':branch': branch, ':onLoan': 'ON_LOAN' },
              },
            },
            ...returnedLoanParts(db, item, returned),
          ] as never,
        }),
      ),
    );
  },

  /**
   * SPEC 5.7: transaction parts that hand a copy from the hold it served (expired or
   * cancelled by staff, ended in the same transaction) straight to the next WAITING hold,
   * so no moment exists in which the copy belongs to nobody.
   */
  handOverParts(item: CirculatingItem, fromHoldId: string, next: Hold, at: string, today: string, ready?: ReadyFields): Record<string, unknown>[] {
    return assignmentParts(db, item, next, at, ready, { from: fromHoldId }, today);
  },

  /** SPEC 5.7: transaction parts that free a copy from its hold and shelve it at `branch` or send it home, in one step. */
  releaseToParts(item: CirculatingItem, fromHoldId: string, branch: string, to: Placement): Record<string, unknown>[] {
    const version = sameVersion(item);
    const change = placementUpdate(to, ['assignedHoldId', 'assignedCard']);
    return [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.item(item.itemId),
          UpdateExpression: change.expression,
          ConditionExpression: `${version.condition} AND assignedHoldId = :fromHoldId`,
          ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
          ExpressionAttributeValues: { ...version.values, ...change.values, ':branch': branch, ':fromHoldId': fromHoldId },
        },
      },
    ];
  },

  /** SPEC 5.4: a copy in transit reaches its hold's pickup branch; the hold becomes READY. */
  async arrive(item: CirculatingItem, hold: Hold, ready: ReadyFields, events: readonly PendingEvent[], now: Date): Promise<boolean> {
    const version = sameVersion(item);
    const holdChange = readyHoldUpdate(hold, ready);
    return whenConditionsHold(
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.tableName,
                Key: keys.item(item.itemId),
                UpdateExpression: 'SET #status = :onHoldShelf, #location = :pickup, version = :next',
                ConditionExpression: `${version.condition} AND assignedHoldId = :holdId`,
                ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
                ExpressionAttributeValues: { ...version.values, ':onHoldShelf': 'ON_HOLD_SHELF', ':pickup': hold.pickupBranch, ':holdId': hold.holdId },
              },
            },
            {
              Update: {
                TableName: db.tableName,
                Key: keys.hold(hold.cardNumber, hold.holdId),
                UpdateExpression: holdChange.expression,
                ConditionExpression: '#status = :inTransit AND itemId = :itemId',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ...holdChange.values, ':inTransit': 'IN_TRANSIT', ':itemId': item.itemId },
              },
            },
            ...outboxParts(db, events, now),
          ] as never,
        }),
      ),
    );
  },

  /** An unassigned copy goes on the shelf at `branch`, or travels home from there. */
  async place(item: CirculatingItem, branch: string, to: Placement): Promise<boolean> {
    const version = sameVersion(item);
    const change = placementUpdate(to);
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.item(item.itemId),
          UpdateExpression: change.expression,
          ConditionExpression: `${version.condition} AND attribute_not_exists(assignedHoldId) AND #status <> :onLoan`,
          ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
          ExpressionAttributeValues: { ...version.values, ...change.values, ':branch': branch, ':onLoan': 'ON_LOAN' },
        }),
      ),
    );
  },

  /** Transaction parts that lend a copy assigned to the borrower's own hold (checkout fulfils it). */
  lendAssignedParts(item: CirculatingItem, holdId: string, cardNumber: string, loan: Loan & { holdId: string }, branch: string): Record<string, unknown>[] {
    return lendParts(db, item, cardNumber, loan, branch, { condition: 'assignedHoldId = :holdId', values: { ':holdId': holdId } });
  },

  /** Transaction parts that lend a copy from the shelf (its version, unassigned); the copy first, then the loan. */
  lendFromShelfParts(item: CirculatingItem, cardNumber: string, loan: Loan, branch: string): Record<string, unknown>[] {
    return lendParts(db, item, cardNumber, loan, branch, ON_SHELF_GUARD);
  },

  /** SPEC 6: lends a copy from the shelf; false when it was taken or assigned meanwhile. */
  async lendFromShelf(item: CirculatingItem, cardNumber: string, loan: Loan, branch: string): Promise<boolean> {
    const parts = lendParts(db, item, cardNumber, loan, branch, ON_SHELF_GUARD);
    return whenConditionsHold(db.client.send(new TransactWriteCommand({ TransactItems: parts as never })));
  },

  /** SPEC 6: renews once, with its `events`; false when the loan changed meanwhile (renewed, returned). */
  async renew(cardNumber: string, loan: Loan, newDueDate: string, events: readonly PendingEvent[], now: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.tableName,
                Key: keys.loan(cardNumber, loan.itemId),
                UpdateExpression: 'SET dueDate = :due, renewed = :true',
                ConditionExpression: 'renewed = :false AND dueDate = :oldDue',
                ExpressionAttributeValues: { ':due': newDueDate, ':true': true, ':false': false, ':oldDue': loan.dueDate },
              },
            },
            {
              Update: {
                TableName: db.tableName,
                Key: keys.item(loan.itemId),
                UpdateExpression: 'SET dueDate = :due',
                ConditionExpression: 'borrower = :card',
                ExpressionAttributeValues: { ':due': newDueDate, ':card': cardNumber },
              },
            },
            ...outboxParts(db, events, now),
          ] as never,
        }),
      ),
    );
  },
});

export type CirculationStore = ReturnType<typeof circulationStore>;
