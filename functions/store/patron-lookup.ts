import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { keys } from './keys.js';
import { CARD_PREFIX_MIN, foldName, nameShard } from '../domain/patron-lookup.js';

export interface PatronSummary {
  readonly cardNumber: string;
  readonly name: string;
}

/**
 * The lookup item of a patron (SPEC 11): card number and name, indexed by folded name (GSI1)
 * and by card number (GSI2). Written with the profile, in the same transaction.
 */
export const patronLookupItem = (patron: PatronSummary) => {
  const folded = foldName(patron.name);
  return {
    ...keys.patronLookup(patron.cardNumber),
    // A name that folds to nothing (only punctuation) cannot be looked up by name, only by card.
    ...(folded === '' ? {} : keys.patronByName(nameShard(folded), folded, patron.cardNumber)),
    ...keys.patronByCard(patron.cardNumber),
    type: 'PatronLookup',
    cardNumber: patron.cardNumber,
    name: patron.name,
  };
};

const summary = (item: Record<string, unknown>): PatronSummary => ({ cardNumber: item.cardNumber as string, name: item.name as string });

export const patronLookupStore = (db: Db) => ({
  /** (Re)writes a patron's lookup item: for patrons registered before lookups existed. */
  async index(patron: PatronSummary): Promise<void> {
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: patronLookupItem(patron) }));
  },

  async byCard(cardNumber: string): Promise<PatronSummary[]> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.patronLookup(cardNumber) }));
    return Item ? [summary(Item)] : [];
  },

  /** Patrons whose card number starts with `prefix` (at least CARD_PREFIX_MIN digits), in card order. */
  async byCardPrefix(prefix: string, limit: number): Promise<PatronSummary[]> {
    if (prefix.length < CARD_PREFIX_MIN) throw new Error('card prefix too short for the card index');
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.patronCardPartition(prefix.slice(0, CARD_PREFIX_MIN)), ':prefix': prefix },
        Limit: limit,
      }),
    );
    return Items.map(summary);
  },

  /** Patrons whose folded name starts with `folded`, in folded-name order. */
  async byName(folded: string, limit: number): Promise<PatronSummary[]> {
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.patronNamePartition(nameShard(folded)), ':prefix': folded },
        Limit: limit,
      }),
    );
    return Items.map(summary);
  },
});

export type PatronLookupStore = ReturnType<typeof patronLookupStore>;
