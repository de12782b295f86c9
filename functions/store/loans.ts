import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, type Db } from './db.js';
import { keys } from './keys.js';
import type { Loan } from './patron-records.js';

/** Loans: the copy's status and the patron's loan record change together. */
export const loanStore = (db: Db) => ({
  /** Lends an ON_SHELF copy; false when the copy is no longer on the shelf. */
  async checkout(cardNumber: string, loan: Loan, branch: string): Promise<boolean> {
    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.tableName,
                Key: keys.item(loan.itemId),
                UpdateExpression: 'SET #status = :onLoan, dueDate = :due, borrower = :card, #location = :branch ADD version :one',
                ConditionExpression: '#status = :onShelf AND attribute_not_exists(assignedHoldId)',
                ExpressionAttributeNames: { '#status': 'status', '#location': 'location' },
                ExpressionAttributeValues: { ':onLoan': 'ON_LOAN', ':onShelf': 'ON_SHELF', ':due': loan.dueDate, ':card': cardNumber, ':branch': branch, ':one': 1 },
              },
            },
            {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.loan(cardNumber, loan.itemId), type: 'Loan', ...loan },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});

export type LoanStore = ReturnType<typeof loanStore>;
