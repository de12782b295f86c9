import { BatchGetCommand, GetCommand, TransactWriteCommand, UpdateCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { usableCredential, type Credential } from './credentials.js';
import { normalizeEmail } from '../domain/email-address.js';
import { outboxParts, updateWithEvents, type PendingEvent } from './outbox.js';
import { queryAll } from './query-all.js';
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

/** SPEC 10.4: the item that finds a patron by mail address (keys.patronEmail). */
export const patronEmailItem = (cardNumber: string, email: string) => ({
  ...keys.patronEmail(normalizeEmail(email), cardNumber),
  type: 'PatronEmail',
  cardNumber,
  email,
});

export const patronStore = (db: Db) => ({
  async get(cardNumber: string): Promise<Patron | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.patron(cardNumber) }));
    return Item ? (stripKeys(Item) as unknown as Patron) : undefined;
  },

  /**
   * The profile and the internet-password credential in one request (BatchGetItem, both read
   * strongly consistent), for GET /api/me, which checks the session itself (SPEC 12).
   */
  async withCredential(cardNumber: string): Promise<{ patron: Patron | undefined; credential: Credential | undefined }> {
    const profileKey = keys.patron(cardNumber);
    const credentialKey = keys.patronCredential(cardNumber);
    const wanted = [profileKey, credentialKey];
    const items: Record<string, unknown>[] = [];
    let keysLeft: Record<string, unknown>[] | undefined = wanted;
    while (keysLeft && keysLeft.length > 0) {
      const answer: BatchGetCommandOutput = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keysLeft, ConsistentRead: true } } }));
      items.push(...(answer.Responses?.[db.tableName] ?? []));
      keysLeft = answer.UnprocessedKeys?.[db.tableName]?.Keys;
    }
    const profile = items.find((item) => item.SK === profileKey.SK);
    return {
      patron: profile ? (stripKeys(profile) as unknown as Patron) : undefined,
      credential: usableCredential(items.find((item) => item.SK === credentialKey.SK)),
    };
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
            ...(patron.email ? [{ Put: { TableName: db.tableName, Item: patronEmailItem(patron.cardNumber, patron.email) } }] : []),
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

  /**
   * Saves the contact settings. The address's lookup item (SPEC 10.4) moves with it in one
   * transaction, conditioned on the address read first, so a concurrent change retries
   * rather than leaving a stale lookup. `clearedEvent` is written when a BOUNCING status is cleared.
   */
  async updateContact(cardNumber: string, contact: { email?: string; contactMethod: ContactMethod }, clearedEvent: PendingEvent, at: Date): Promise<Patron> {
    for (let attempt = 0; ; attempt += 1) {
      const current = await this.get(cardNumber);
      if (!current) throw new Error('patron not found');
      const oldKey = current.email ? normalizeEmail(current.email) : undefined;
      const newKey = contact.email ? normalizeEmail(contact.email) : undefined;
      const written = await whenConditionsHold(
        db.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: db.tableName,
                  Key: keys.patron(cardNumber),
                  UpdateExpression: contact.email
                    ? 'SET contactMethod = :method, contactConfigured = :true, email = :email REMOVE emailStatus'
                    : 'SET contactMethod = :method, contactConfigured = :true REMOVE email, emailStatus',
                  ConditionExpression: current.email ? 'email = :old' : 'attribute_exists(PK) AND attribute_not_exists(email)',
                  ExpressionAttributeValues: {
                    ':method': contact.contactMethod,
                    ':true': true,
                    ...(contact.email ? { ':email': contact.email } : {}),
                    ...(current.email ? { ':old': current.email } : {}),
                  },
                },
              },
              ...(oldKey && oldKey !== newKey ? [{ Delete: { TableName: db.tableName, Key: keys.patronEmail(oldKey, cardNumber) } }] : []),
              ...(newKey ? [{ Put: { TableName: db.tableName, Item: patronEmailItem(cardNumber, contact.email as string) } }] : []),
              ...outboxParts(db, current.emailStatus === 'BOUNCING' ? [clearedEvent] : [], at),
            ],
          }),
        ),
      );
      if (written) {
        const { email: _old, emailStatus: _status, ...rest } = current;
        return { ...rest, contactMethod: contact.contactMethod, contactConfigured: true, ...(contact.email ? { email: contact.email } : {}) };
      }
      if (attempt >= 2) throw new Error('contact changed concurrently too often');
    }
  },

  /**
   * SPEC 10.4: (re)writes the lookup item of the patron's address, while it is still their
   * address. Addresses saved before lookup items existed get theirs when they are next mailed,
   * which is before SES can report on them.
   */
  async indexEmail(cardNumber: string, email: string): Promise<void> {
    await whenConditionsHold(
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: db.tableName,
                Key: keys.patron(cardNumber),
                ConditionExpression: 'email = :email',
                ExpressionAttributeValues: { ':email': email },
              },
            },
            { Put: { TableName: db.tableName, Item: patronEmailItem(cardNumber, email) } },
          ],
        }),
      ),
    );
  },

  /** SPEC 10.4: the card numbers of the patrons whose address this is now (normally one). */
  async byEmail(email: string): Promise<{ cardNumber: string; email: string }[]> {
    const items = await queryAll<Record<string, unknown>>(db, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.emailPartition(normalizeEmail(email)) },
    });
    return items.map((item) => ({ cardNumber: item.cardNumber as string, email: item.email as string }));
  },

  /**
   * SPEC 10.4: mail to this address was refused for good. Only while it is still the
   * patron's address: one saved meanwhile is not marked for the old one's fault. False when
   * nothing changed (another address now, or already BOUNCING); `event` is written only with a change.
   */
  async markEmailBouncing(cardNumber: string, email: string, event: PendingEvent, at: Date): Promise<boolean> {
    return updateWithEvents(
      db,
      {
        Key: keys.patron(cardNumber),
        UpdateExpression: 'SET emailStatus = :bouncing',
        ConditionExpression: 'email = :email AND (attribute_not_exists(emailStatus) OR emailStatus <> :bouncing)',
        ExpressionAttributeValues: { ':bouncing': 'BOUNCING', ':email': email },
      },
      [event],
      at,
    );
  },
});

/** Does this patron get pickup mail (SPEC 5.6, 10.4)? EMAIL, an address, and not bouncing. */
export const getsMail = (patron: Pick<Patron, 'contactMethod' | 'email' | 'emailStatus'> | undefined): patron is Patron & { email: string } =>
  patron?.contactMethod === 'EMAIL' && Boolean(patron.email) && patron.emailStatus !== 'BOUNCING';

export type PatronStore = ReturnType<typeof patronStore>;
