import { GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/** DynamoDB's documented size of a value: names and strings in UTF-8 bytes, numbers ~1 byte per 2 digits + 1. */
const valueSize = (value: AttributeValue): number => {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.min(21, Math.ceil(value.N.replace(/^-|\.|^0+/g, '').length / 2) + 1);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k) + valueSize(v), 0);
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + valueSize({ N: n }), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  return 0;
};

export const itemSize = (item: Item | undefined): number =>
  item ? Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0) : 0;

/** Write units of one item of `bytes` outside a transaction: 1 per KB started. */
const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** An action of TransactWriteItems: its table, key, and whether it writes. */
interface Action {
  readonly table: string;
  readonly key: Item;
  readonly kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
}

/** The key of an item or key map given by the document client (plain strings) or already marshalled. */
const asKey = (source: Record<string, unknown>, names: readonly [string, string]): Item =>
  Object.fromEntries(names.map((name) => [name, typeof source[name] === 'string' ? { S: source[name] as string } : (source[name] as AttributeValue)]));

export const transactionActions = (input: Record<string, unknown>, keyNames: readonly [string, string]): Action[] =>
  ((input.TransactItems ?? []) as Record<string, Record<string, unknown>>[]).flatMap((entry) =>
    (['Put', 'Update', 'Delete', 'ConditionCheck'] as const).flatMap((kind) => {
      const action = entry[kind];
      if (!action) return [];
      const source = (kind === 'Put' ? action.Item : action.Key) as Record<string, unknown>;
      return [{ table: action.TableName as string, key: asKey(source, keyNames), kind }];
    }),
  );

/** Index key attributes present in `item` (`PK|SK` joined), or undefined when the item is not in that index. */
const indexKey = (item: Item | undefined, [pk, sk]: readonly [string, string]) =>
  item?.[pk]?.S !== undefined && item[sk]?.S !== undefined ? `${item[pk].S}|${item[sk].S}` : undefined;

/**
 * Write units of a TransactWriteItems from the items before and after it, by the documented
 * rules: each item (Put, Update, Delete, ConditionCheck) costs 2 units per KB started of the
 * larger of its two images; each global secondary index (projection ALL) it enters, leaves or
 * stays in costs 1 unit per KB of the projected item (2 writes when its index key changes).
 * DynamoDB Local reports a figure for transactions that does not follow these rules (a flat
 * 4× one item's units, whatever the number of items), so the bench computes this instead.
 */
export const transactionWriteUnits = (
  actions: readonly Action[],
  before: readonly (Item | undefined)[],
  after: readonly (Item | undefined)[],
  indexes: readonly (readonly [string, string])[],
): number =>
  actions.reduce((units, action, i) => {
    const old = before[i];
    const now = action.kind === 'Delete' || action.kind === 'ConditionCheck' ? (action.kind === 'Delete' ? undefined : old) : after[i];
    const itemUnits = 2 * kb(Math.max(itemSize(old), itemSize(now)));
    if (action.kind === 'ConditionCheck') return units + itemUnits;
    const indexUnits = indexes.reduce((sum, names) => {
      const was = indexKey(old, names);
      const is = indexKey(now, names);
      if (was === undefined && is === undefined) return sum;
      if (was !== undefined && is !== undefined && was === is) return sum + kb(itemSize(now));
      return sum + (was !== undefined ? kb(itemSize(old)) : 0) + (is !== undefined ? kb(itemSize(now)) : 0);
    }, 0);
    return units + itemUnits + indexUnits;
  }, 0);

/** The current image of each action's item, read with a client that is neither counted nor metered. */
export const imagesOf = (client: DynamoDBClient, actions: readonly Action[]): Promise<(Item | undefined)[]> =>
  Promise.all(actions.map(async (a) => (await client.send(new GetItemCommand({ TableName: a.table, Key: a.key, ConsistentRead: true }))).Item));
