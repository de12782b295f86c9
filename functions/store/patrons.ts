import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { whenConditionsHold, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import type { ContactMethod } from '../domain/contact.js';

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
  readonly createdAt: string;
}

export const patronStore = (db: Db) => ({
  async get(cardNumber: string): Promise<Patron | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.patron(cardNumber) }));
    return Item ? (stripKeys(Item) as unknown as Patron) : undefined;
  },

  /** False when the card number is taken. */
  async create(patron: Patron): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.patron(patron.cardNumber), type: 'Patron', ...patron, activeHolds: 0 },
          ConditionExpression: 'attribute_not_exists(PK)',
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
          ? 'SET contactMethod = :method, contactConfigured = :true, email = :email'
          : 'SET contactMethod = :method, contactConfigured = :true REMOVE email',
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
});

export type PatronStore = ReturnType<typeof patronStore>;
