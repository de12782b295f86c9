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

/** Why a loan was not written: the loan is there already, or the copy moved meanwhile. */
export type LoanOutcome = 'created' | 'existing' | 'copy-changed';

/**
 * Migration of current loans: the copy goes ON_LOAN to the borrower with the loan record, as
 * a checkout from the shelf does (circulation lendFromShelfParts); many loans per
 * transaction. A loan already imported is answered `existing`.
 */
export const loanImportStore = (db: Db) => {
  const circulation = circulationStore(db);
  const batchGet = async (keyList: readonly Record<string, string>[], consistent: boolean): Promise<Record<string, unknown>[]> => {
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < keyList.length; i += 100) {
      let request: Record<string, unknown>[] = keyList.slice(i, i + 100);
      while (request.length > 0) {
        const result = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: request, ConsistentRead: consistent } } }));
        found.push(...(result.Responses?.[db.tableName] ?? []));
        request = (result.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  };
  return {
    /**
     * Which of these card numbers are registered. Read, not a condition of the write: a
     * transaction may not check one patron twice (two loans of one patron), and patron
     * records are never deleted, so the answer cannot turn false before the write.
     */
    async registeredPatrons(cardNumbers: readonly string[]): Promise<Set<string>> {
      const found = await batchGet(
        [...new Set(cardNumbers)].map((card) => keys.patron(card)),
        false,
      );
      return new Set(found.map((item) => item.cardNumber as string));
    },

    /** The copies with these ids, as circulation sees them (strongly consistent). */
    async items(itemIds: readonly string[]): Promise<Map<string, CirculatingItem>> {
      const found = await batchGet(
        [...new Set(itemIds)].map((id) => keys.item(id)),
        true,
      );
      return new Map(found.map((item) => [item.itemId as string, stripKeys(item) as unknown as CirculatingItem]));
    },

    async create(loans: readonly ImportedLoan[]): Promise<LoanOutcome[]> {
      const groups = loans.map(({ cardNumber, item, loan }) => circulation.lendFromShelfParts(item, cardNumber, loan, item.location));
      const outcomes = await writeGroups(db, groups);
      // Parts: 0 the copy, 1 the loan record.
      return outcomes.map((outcome): LoanOutcome => (outcome.written ? 'created' : outcome.part === 1 ? 'existing' : 'copy-changed'));
    },
  };
};

export type LoanImportStore = ReturnType<typeof loanImportStore>;
