import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { whenConditionsHold, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import type { ContactMethod } from '../domain/contact.js';
import { patronLookupItem } from './patron-lookup.js';

export type EmailStatus = 'OK' | 'BOUNCING';

export interface Patron {
  readonly cardNumber: string;
  readonly name: string;
  readonly birthDate: string;
  readonly phone?: string;
  readonly email?: string;
  readonly contactMethod: ContactMethod;
  readonly internetService: boolean;
  /** False until the patron first saves contact settings (the app nudges them to). */
  readonly contactConfigured?: boolean;
  /** SPEC 10.4: BOUNCING once mail to `email` was refused for good; saving an address clears it. */
  readonly emailStatus?: EmailStatus;
  readonly createdAt: string;
}

export const patronStore = (db: Db) => ({
  async get(cardNumber: string): Promise<Patron | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.patron(cardNumber) }));
    return Item ? (stripKeys(Item) as unknown as Patron) : undefined;
  },

  /** False when the card number is taken. The lookup item (SPEC 11) is written with the profile. */
  async create(patron: Patron): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.patron(patron.cardNumber), type: 'Patron', ...patron, activeHolds: 0 },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: db.tableName, Item: patronLookupItem(patron) } },
          ],
        }),
      ),
    );
  },

  async enableInternetService(cardNumber: string): Promise<void> {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.patron(cardNumber),
        UpdateExpression: 'SET internetService = :true',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':true': true },
      }),
    );
  },

  async updateContact(cardNumber: string, contact: { email?: string; contactMethod: ContactMethod }): Promise<Patron> {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.patron(cardNumber),
        UpdateExpression: contact.email
          ? 'SET contactMethod = :method, contactConfigured = :true, email = :email REMOVE emailStatus'
          : 'SET contactMethod = :method, contactConfigured = :true REMOVE email, emailStatus',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: {
          ':method': contact.contactMethod,
          ':true': true,
          ...(contact.email ? { ':email': contact.email } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stripKeys(Attributes ?? {}) as unknown as Patron;
  },

  /**
   * SPEC 10.4: mail to this address was refused for good. Only while it is still the
   * patron's address: one saved meanwhile is not marked for the old one's fault.
   */
  async markEmailBouncing(cardNumber: string, email: string): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.patron(cardNumber),
          UpdateExpression: 'SET emailStatus = :bouncing',
          ConditionExpression: 'email = :email',
          ExpressionAttributeValues: { ':bouncing': 'BOUNCING', ':email': email },
        }),
      ),
    );
  },
});

/** Does this patron get pickup mail (SPEC 5.6, 10.4)? EMAIL, an address, and not bouncing. */
export const getsMail = (patron: Pick<Patron, 'contactMethod' | 'email' | 'emailStatus'> | undefined): patron is Patron & { email: string } =>
  patron?.contactMethod === 'EMAIL' && Boolean(patron.email) && patron.emailStatus !== 'BOUNCING';

export type PatronStore = ReturnType<typeof patronStore>;
