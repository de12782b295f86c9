import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure, whenConditionsHold, type Db } from './db.js';
import { keys } from './keys.js';
import type { StoredItem } from './catalog.js';
import type { Hold } from './holds.js';
import type { Loan } from './patron-records.js';

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

/** Which copies an assignment may take: a free one, or one still held by the hold it leaves. */
type AssignmentGuard = { readonly free: true } | { readonly from: string };

/**
 * The two parts of an assignment: the copy goes to `hold` (ON_HOLD_SHELF at `at` with
 * `ready`, else IN_TRANSIT to the pickup branch) and the hold, still WAITING, takes it.
 */
const assignmentParts = (db: Db, item: CirculatingItem, hold: Hold, at: string, ready: ReadyFields | undefined, guard: AssignmentGuard) => {
  const version = sameVersion(item);
  const holdChange = ready
    ? readyHoldUpdate(hold, ready)
    : { expression: 'SET #status = :transit REMOVE GSI2PK, GSI2SK', values: { ':transit': 'IN_TRANSIT' } };
  const copyGuard =
    'free' in guard
      ? { condition: 'attribute_not_exists(assignedHoldId) AND #status IN (:onShelf, :inTransit, :missing)', values: { ':onShelf': 'ON_SHELF', ':inTransit': 'IN_TRANSIT', ':missing': 'MISSING' } }
      : { condition: 'assignedHoldId = :fromHoldId', values: { ':fromHoldId': guard.from } };
  return [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.item(item.itemId),
        UpdateExpression:
          'SET #status = :itemStatus, #location = :at, destination = :pickup, assignedHoldId = :holdId, assignedCard = :card, version = :next',
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
        ConditionExpression: '#status = :waiting',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...holdChange.values, ':itemId': item.itemId, ':waiting': 'WAITING' },
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
  async assign(item: CirculatingItem, hold: Hold, at: string, ready?: ReadyFields): Promise<'assigned' | 'item-changed' | 'hold-taken'> {
    try {
      await db.client.send(new TransactWriteCommand({ TransactItems: assignmentParts(db, item, hold, at, ready, { free: true }) as never }));
      return 'assigned';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return cancellationCodes(error)[0] === 'ConditionalCheckFailed' ? 'item-changed' : 'hold-taken';
    }
  },

  /**
   * SPEC 5.7: transaction parts that hand a copy from the hold it served (expired or
   * cancelled by staff, ended in the same transaction) straight to the next WAITING hold,
   * so no moment exists in which the copy belongs to nobody.
   */
  handOverParts(item: CirculatingItem, fromHoldId: string, next: Hold, at: string, ready?: ReadyFields): Record<string, unknown>[] {
    return assignmentParts(db, item, next, at, ready, { from: fromHoldId });
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
  async arrive(item: CirculatingItem, hold: Hold, ready: ReadyFields): Promise<boolean> {
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
          ],
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

  /**
   * SPEC 6 privacy: a return deletes the loan record and the copy forgets its borrower; a
   * hold the loan fulfilled is deleted too, so nothing in the table links patron and title.
   */
  async returnLoan(item: CirculatingItem, branch: string, loan: Loan & { holdId?: string }, cardNumber: string): Promise<boolean> {
    const version = sameVersion(item);
    return whenConditionsHold(
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.tableName,
                Key: keys.item(item.itemId),
                UpdateExpression: 'SET #status = :onShelf, #location = :branch, version = :next REMOVE borrower, dueDate',
                ConditionExpression: `${version.condition} AND #status = :onLoan`,
                ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
                ExpressionAttributeValues: { ...version.values, ':onShelf': 'ON_SHELF', ':onLoan': 'ON_LOAN', ':branch': branch },
              },
            },
            { Delete: { TableName: db.tableName, Key: keys.loan(cardNumber, item.itemId) } },
            ...(loan.holdId ? [{ Delete: { TableName: db.tableName, Key: keys.hold(cardNumber, loan.holdId) } }] : []),
          ],
        }),
      ),
    );
  },

  /** Transaction parts that lend a copy assigned to the borrower's own hold (checkout fulfils it). */
  lendAssignedParts(item: CirculatingItem, holdId: string, cardNumber: string, loan: Loan & { holdId: string }, branch: string): Record<string, unknown>[] {
    return lendParts(db, item, cardNumber, loan, branch, { condition: 'assignedHoldId = :holdId', values: { ':holdId': holdId } });
  },

  /** SPEC 6: lends a copy from the shelf; false when it was taken or assigned meanwhile. */
  async lendFromShelf(item: CirculatingItem, cardNumber: string, loan: Loan, branch: string): Promise<boolean> {
    const parts = lendParts(db, item, cardNumber, loan, branch, {
      condition: '#status = :onShelf AND attribute_not_exists(assignedHoldId)',
      values: { ':onShelf': 'ON_SHELF' },
    });
    return whenConditionsHold(db.client.send(new TransactWriteCommand({ TransactItems: parts as never })));
  },

  /** SPEC 6: renews once; false when the loan changed meanwhile (renewed, returned). */
  async renew(cardNumber: string, loan: Loan, newDueDate: string): Promise<boolean> {
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
          ],
        }),
      ),
    );
  },
});

export type CirculationStore = ReturnType<typeof circulationStore>;
