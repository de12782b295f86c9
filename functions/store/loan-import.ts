import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import { circulationStore, type CirculatingItem } from './circulation.js';
import type { Loan } from './patron-records.js';
import { writeGroups } from './transact-groups.js';

export interface ImportedLoan {
  readonly cardNumber: string;
  readonly item: CirculatingItem;
  readonly loan: Loan;
}

/** Why a loan was not written: the patron is unknown, the loan is there already, or the copy moved. */
export type LoanOutcome = 'created' | 'existing' | 'no-patron' | 'copy-changed';

/**
 * Migration of current loans: the copy goes ON_LOAN to the borrower with the loan record, as
 * a checkout from the shelf does (circulation lendFromShelfParts), and only if the patron
 * exists; many loans per transaction. A loan already imported is answered `existing`.
 */
export const loanImportStore = (db: Db) => {
  const circulation = circulationStore(db);
  return {
    /** The copies with these ids, as circulation sees them (strongly consistent). */
    async items(itemIds: readonly string[]): Promise<Map<string, CirculatingItem>> {
      const found = new Map<string, CirculatingItem>();
      const unique = [...new Set(itemIds)];
      for (let i = 0; i < unique.length; i += 100) {
        let request: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => keys.item(id));
        while (request.length > 0) {
          const result = await db.client.send(
            new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: request, ConsistentRead: true } } }),
          );
          for (const item of result.Responses?.[db.tableName] ?? []) found.set(item.itemId as string, stripKeys(item) as unknown as CirculatingItem);
          request = (result.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return found;
    },

    async create(loans: readonly ImportedLoan[]): Promise<LoanOutcome[]> {
      const groups = loans.map(({ cardNumber, item, loan }) => [
        ...circulation.lendFromShelfParts(item, cardNumber, loan, item.location),
        { ConditionCheck: { TableName: db.tableName, Key: keys.patron(cardNumber), ConditionExpression: 'attribute_exists(PK)' } },
      ]);
      const outcomes = await writeGroups(db, groups);
      // Parts: 0 the copy, 1 the loan record, 2 the patron.
      return outcomes.map((outcome): LoanOutcome => {
        if (outcome.written) return 'created';
        return outcome.part === 1 ? 'existing' : outcome.part === 2 ? 'no-patron' : 'copy-changed';
      });
    },
  };
};

export type LoanImportStore = ReturnType<typeof loanImportStore>;
