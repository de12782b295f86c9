import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

let sequence = 0;
const next = () => (sequence += 1);

/** Registers a patron with internet service; returns the card number and a patron token. */
export const newPatron = async (app: TestApp, staff: string) => {
  const cardNumber = String(60000000 + next() + Math.floor(Math.random() * 1000) * 1000);
  expect((await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber, name: '予約 花子', birthDate: '1990-05-05' } })).status).toBe(201);
  await app.request('POST', `/admin/patrons/${cardNumber}/internet-password`, { token: staff });
  return { cardNumber, token: await app.patronToken(cardNumber, '0505') };
};

/** A title with copies of the given categories (at central unless said), all on the shelf. */
export const newTitle = async (
  app: TestApp,
  staff: string,
  copies: readonly { category?: string; branch?: string; interlibrary?: boolean }[] = [{}],
  fields: Record<string, unknown> = {},
) => {
  const n = next();
  const created = await app.request('POST', '/admin/titles', {
    token: staff,
    body: { title: `テスト資料 ${n}`, author: '試験 著者', materialType: 'BOOK', ...fields },
  });
  expect(created.status).toBe(201);
  const titleId = created.body.titleId as string;
  const itemIds: string[] = [];
  for (const [i, copy] of copies.entries()) {
    const itemId = `I${titleId}-${i}`;
    const added = await app.request('POST', '/admin/items', {
      token: staff,
      body: { itemId, titleId, branch: copy.branch ?? 'central', category: copy.category ?? 'NORMAL', interlibrary: copy.interlibrary ?? false },
    });
    expect(added.status).toBe(201);
    itemIds.push(itemId);
  }
  return { titleId, itemIds };
};

export const placeHold = (app: TestApp, token: string, titleId: string, pickupBranch = 'central') =>
  app.request('POST', '/api/me/holds', { token, body: { titleId, pickupBranch } });

export const statusOf = async (app: TestApp, token: string) => (await app.request('GET', '/api/me/status', { token })).body;

export const holdIn = async (app: TestApp, token: string, holdId: string) =>
  ((await statusOf(app, token)).holds as any[]).find((h) => h.holdId === holdId);
