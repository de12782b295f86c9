import type { Db } from './db.js';
import { keys } from './keys.js';
import { patronLookupItem } from './patron-lookup.js';
import { patronEmailItem, type Patron } from './patrons.js';
import { writeGroups } from './transact-groups.js';

export interface ImportedPatron {
  readonly patron: Patron;
  /** When the old system had issued internet service: the initial password's hash (SPEC 3). */
  readonly initialPasswordHash?: string;
}

/**
 * Migration of patron records: each patron (with their lookup item, and their credential
 * when internet service was issued) is created only if the card number is new, in one transaction with others.
 * A card number already in the table is left as it is and answered `existing`, so running
 * the import twice changes nothing.
 */
export const patronImportStore = (db: Db) => ({
  async create(patrons: readonly ImportedPatron[], now: Date): Promise<('created' | 'existing')[]> {
    const groups = patrons.map(({ patron, initialPasswordHash }) => [
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.patron(patron.cardNumber), type: 'Patron', ...patron, activeHolds: 0 },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      // SPEC 11: findable at the counter by name and card number, like a patron registered there.
      { Put: { TableName: db.tableName, Item: patronLookupItem(patron) } },
      // SPEC 10.4: SES feedback finds the patron by this address.
      ...(patron.email ? [{ Put: { TableName: db.tableName, Item: patronEmailItem(patron.cardNumber, patron.email) } }] : []),
      ...(initialPasswordHash
        ? [
            {
              Put: {
                TableName: db.tableName,
                // As credentialStore.setPassword leaves a first password: version 1, initial.
                Item: {
                  ...keys.patronCredential(patron.cardNumber),
                  passwordHash: initialPasswordHash,
                  passwordIsInitial: true,
                  credentialVersion: 1,
                  updatedAt: now.toISOString(),
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ]
        : []),
    ]);
    const outcomes = await writeGroups(db, groups);
    return outcomes.map((outcome) => (outcome.written ? 'created' : 'existing'));
  },
});

export type PatronImportStore = ReturnType<typeof patronImportStore>;
