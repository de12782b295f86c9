import { describe, expect, it } from 'vitest';
import { itemSize, transactionActions, transactionWriteUnits } from '../../bench/transaction-units.js';

const keys = ['PK', 'SK'] as const;
const indexes = [
  ['GSI1PK', 'GSI1SK'],
  ['GSI2PK', 'GSI2SK'],
] as const;
const item = (pk: string, extra: Record<string, { S: string }> = {}) => ({ PK: { S: pk }, SK: { S: 'X' }, ...extra });
const inIndex1 = (sk: string) => ({ GSI1PK: { S: 'T' }, GSI1SK: { S: sk } });

describe('transaction write units, priced as DynamoDB documents them (issue 12.6 bench)', () => {
  it('sizes an item by its names and values in UTF-8 bytes', () => {
    expect(itemSize({ PK: { S: 'ab' }, n: { N: '12345' }, ok: { BOOL: true } })).toBe(2 + 2 + 1 + 4 + 2 + 1);
    expect(itemSize({ t: { S: '予約' } })).toBe(1 + 6);
  });

  it('bills every item of a transaction twice per KB started, however many there are', () => {
    const puts = transactionActions(
      { TransactItems: [{ Put: { TableName: 't', Item: { PK: 'a', SK: 'X' } } }, { Put: { TableName: 't', Item: { PK: 'b', SK: 'X' } } }] },
      keys,
    );
    expect(transactionWriteUnits(puts, [undefined, undefined], [item('a'), item('b')], indexes)).toBe(4);
    const big = item('c', { v: { S: 'x'.repeat(2500) } });
    expect(transactionWriteUnits(puts.slice(0, 1), [undefined], [big], indexes)).toBe(6);
  });

  it('adds one unit per index entry written, two when the index key moves, and prices deletes and condition checks', () => {
    const [update] = transactionActions({ TransactItems: [{ Update: { TableName: 't', Key: { PK: 'a', SK: 'X' } } }] }, keys);
    expect(transactionWriteUnits([update!], [item('a', inIndex1('1'))], [item('a', inIndex1('1'))], indexes)).toBe(2 + 1);
    expect(transactionWriteUnits([update!], [item('a', inIndex1('1'))], [item('a', inIndex1('2'))], indexes)).toBe(2 + 2);
    const [remove, check] = transactionActions(
      { TransactItems: [{ Delete: { TableName: 't', Key: { PK: 'a', SK: 'X' } } }, { ConditionCheck: { TableName: 't', Key: { PK: { S: 'b' }, SK: { S: 'X' } } } }] },
      keys,
    );
    expect(check!.key).toEqual(item('b'));
    expect(transactionWriteUnits([remove!, check!], [item('a', inIndex1('1')), item('b', inIndex1('1'))], [undefined, item('b', inIndex1('1'))], indexes)).toBe(
      2 + 1 + 2,
    );
  });
});
