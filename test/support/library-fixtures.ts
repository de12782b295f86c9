import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

let sequence = 0;
const next = () => (sequence += 1);

/**
 * Registers a patron with internet service; returns the card number and a working patron
 * token. The initial password (0505) is changed on the way (SPEC 12; see `patronToken`), so
 * `app.patronToken(cardNumber, '0505')` keeps giving tokens for this patron.
 */
export const newPatron = async (app: TestApp, staff: string) => {
  const cardNumber = String(60000000 + next() + Math.floor(Math.random() * 1000) * 1000);
  expect((await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber, name: '予約 花子', birthDate: '1990-05-05' } })).status).toBe(201);
  const issued = await app.request('POST', `/admin/patrons/${cardNumber}/internet-password`, { token: staff });
  expect(issued.status).toBe(200);
  expect(issued.body).toEqual({ initialPassword: '0505' });
  return { cardNumber, token: await app.patronToken(cardNumber, '0505') };
};

/** A title with copies of the given categories (at central unless said), all on the shelf. */
export const newTitle = async (
  app: TestApp,
  staff: string,
  copies: readonly { category?: string; branch?: string; interlibrary?: boolean; callNumber?: string }[] = [{}],
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
      body: {
        itemId,
        titleId,
        branch: copy.branch ?? 'central',
        category: copy.category ?? 'NORMAL',
        interlibrary: copy.interlibrary ?? false,
        ...(copy.callNumber ? { callNumber: copy.callNumber } : {}),
      },
    });
    expect(added.status).toBe(201);
    itemIds.push(itemId);
  }
  return { titleId, itemIds };
};

/** The raw answer: for tests of refusals. Tests that need the hold use `holdPlaced`. */
export const placeHold = (app: TestApp, token: string, titleId: string, pickupBranch = 'central') =>
  app.request('POST', '/api/me/holds', { token, body: { titleId, pickupBranch } });

/** Places a hold that must be accepted (201 PROVISIONAL, SPEC 5.2) and returns it. */
export const holdPlaced = async (app: TestApp, token: string, titleId: string, pickupBranch = 'central') => {
  const answer = await placeHold(app, token, titleId, pickupBranch);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body).toMatchObject({ titleId, pickupBranch, status: 'PROVISIONAL' });
  return answer.body as { holdId: string; titleId: string; status: string; registersAt: string; requestedAt: string } & Record<string, any>;
};

/** Lends a copy at the counter; the loan must be made (SPEC 6: due on the 15th day). */
export const lent = async (app: TestApp, staff: string, cardNumber: string, itemId: string) => {
  const answer = await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber, itemId } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return answer.body as { dueDate: string } & Record<string, any>;
};

export const statusOf = async (app: TestApp, token: string) => {
  const answer = await app.request('GET', '/api/me/status', { token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};

/** The hold as the patron's status page shows it; undefined when it is not shown. */
export const holdIn = async (app: TestApp, token: string, holdId: string) => ((await statusOf(app, token)).holds as any[]).find((h) => h.holdId === holdId);
