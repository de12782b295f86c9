import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isExpired, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import { queryAll } from './query-all.js';
import type { Hold } from './holds.js';
import type { Patron } from './patrons.js';
import { versionOf } from './credentials.js';

export interface Loan {
  readonly itemId: string;
  readonly titleId: string;
  readonly title: string;
  readonly dueDate: string;
  readonly checkedOutAt: string;
  readonly renewed: boolean;
  /** The hold this loan fulfilled (deleted with the loan on return). */
  readonly holdId?: string;
}

export interface BasketEntry {
  readonly titleId: string;
  readonly title: string;
  readonly addedAt: string;
}

export interface PatronRecords {
  readonly patron?: Patron;
  /** The version of the patron's credential (SPEC 12 session check), undefined without one. */
  readonly credentialVersion?: number;
  readonly holds: Hold[];
  readonly loans: Loan[];
  readonly basket: BasketEntry[];
}

/**
 * Everything of one patron (profile, credential version, holds, loans, basket) in one
 * Query of their partition.
 */
export const patronRecordsStore = (db: Db) => ({
  async all(cardNumber: string, now: Date): Promise<PatronRecords> {
    const records: PatronRecords = { holds: [], loans: [], basket: [] };
    let patron: Patron | undefined;
    let credentialVersion: number | undefined;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.patronPartition(cardNumber) },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (isExpired(item, now)) continue;
        const sk = item.SK as string;
        const record = stripKeys(item);
        if (sk === 'PROFILE') patron = record as unknown as Patron;
        else if (sk === 'CREDENTIAL') credentialVersion = versionOf(record);
        else if (sk.startsWith('HOLD#')) records.holds.push(record as unknown as Hold);
        else if (sk.startsWith('LOAN#')) records.loans.push(record as unknown as Loan);
        else if (sk.startsWith('BASKET#')) records.basket.push(record as unknown as BasketEntry);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { ...records, patron, credentialVersion };
  },

  /**
   * What placing a hold needs of the patron, in one Query: the credential version (SPEC 12
   * session check) and the titles they have on loan (SPEC 5.2 rule 2). The sort key range
   * runs from CREDENTIAL to the last LOAN#; the holds between them are filtered out.
   */
  async forHold(cardNumber: string): Promise<{ credentialVersion?: number; titlesOnLoan: ReadonlySet<string> }> {
    const credentialSk = keys.patronCredential(cardNumber).SK;
    const items = await queryAll<Record<string, unknown>>(db, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :credential AND :lastLoan',
      // A filter cannot name key attributes: loans are the items with checkedOutAt, the credential the one without titleId.
      FilterExpression: 'attribute_exists(checkedOutAt) OR attribute_not_exists(titleId)',
      ProjectionExpression: 'titleId, credentialVersion, checkedOutAt',
      ExpressionAttributeValues: { ':pk': keys.patronPartition(cardNumber), ':credential': credentialSk, ':lastLoan': 'LOAN#\uffff' },
      ConsistentRead: true,
    });
    const credential = items.find((item) => item.titleId === undefined);
    const loans = items.filter((item) => item.checkedOutAt !== undefined && typeof item.titleId === 'string');
    return {
      ...(credential ? { credentialVersion: versionOf(credential) } : {}),
      titlesOnLoan: new Set(loans.map((item) => item.titleId as string)),
    };
  },

  /** SPEC 5.2 rule 2: does the patron have a copy of this title on loan? */
  async hasTitleOnLoan(cardNumber: string, titleId: string): Promise<boolean> {
    const { Count = 0 } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :loan)',
        FilterExpression: 'titleId = :titleId',
        ExpressionAttributeValues: { ':pk': keys.patronPartition(cardNumber), ':loan': 'LOAN#', ':titleId': titleId },
        Select: 'COUNT',
        ConsistentRead: true,
      }),
    );
    return Count > 0;
  },
});

export type PatronRecordsStore = ReturnType<typeof patronRecordsStore>;
