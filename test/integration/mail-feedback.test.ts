import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/store/keys.js';
import { newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * SPEC 10.4: what SES reports after sending. The local stack stands in for SES's event with
 * POST /admin/local/mail-feedback, which puts the event SES would publish on the local bus;
 * the handler the stack deploys for SES events applies it.
 */
let app: TestApp;
let staff: string;
let unique = 0;

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:00:00+09:00' });
  staff = await app.staffToken();
});
afterAll(async () => {
  await app.stop();
});

const address = (label: string) => `${label}${Date.now()}x${(unique += 1)}@example.jp`;

const feedback = (body: Record<string, unknown>) => app.request('POST', '/admin/local/mail-feedback', { body });

/** An EMAIL patron with `email`. */
const mailPatron = async (email: string) => {
  const patron = await newPatron(app, staff);
  expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
  return { ...patron, email };
};

/** An EMAIL patron with one READY hold at central, shelved on 12-01 (noticed from 12-02). */
const readyPatron = async (email: string) => {
  const patron = await mailPatron(email);
  const { titleId, itemIds } = await newTitle(app, staff, [{}]);
  const holdId = (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: patron.cardNumber, titleId, pickupBranch: 'central' } })).body
    .holdId as string;
  expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: itemIds[0], branch: 'central' } })).body).toMatchObject({
    action: 'HOLD_SHELF',
    holdId,
  });
  return { ...patron, holdId, titleId };
};

const emailStatusOf = async (patron: { token: string }) => (await app.request('GET', '/api/me', { token: patron.token })).body.emailStatus as string;

const contactList = async () => (await app.request('GET', '/admin/contact-list?branch=central', { token: staff })).body as any[];

const mailsTo = async (to: string) => {
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
  return store.emails.filter((e) => JSON.stringify(e.destination).includes(to));
};

const statusEvents = async (cardNumber: string) =>
  ((await app.request('GET', '/admin/local/events?limit=1000')).body as any[]).filter((e) => e.detailType === 'EmailStatusChanged' && e.detail.cardNumber === cardNumber);

describe('SPEC 10.4 mail feedback (bounces and complaints)', () => {
  it('SPEC 10.4: a permanent bounce marks the address BOUNCING, puts the READY hold on the contact list, and the next mail run sends nothing to it', async () => {
    const bounced = await readyPatron(address('bounced'));
    const fine = await readyPatron(address('fine'));
    expect(await emailStatusOf(bounced)).toBe('OK');
    expect((await contactList()).filter((e) => e.holdId === bounced.holdId)).toEqual([]);

    const answer = await feedback({ email: bounced.email, type: 'Bounce', bounceType: 'Permanent' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ source: 'aws.ses', detailType: 'Email Bounced', marked: 1 });

    expect(await emailStatusOf(bounced)).toBe('BOUNCING');
    expect(await emailStatusOf(fine)).toBe('OK');
    expect((await contactList()).filter((e) => e.holdId === bounced.holdId)).toEqual([
      expect.objectContaining({ cardNumber: bounced.cardNumber, reason: 'EMAIL_BOUNCED' }),
    ]);
    expect((await app.request('GET', `/admin/patrons/${bounced.cardNumber}`, { token: staff })).body.profile).toMatchObject({ emailStatus: 'BOUNCING' });

    // The event SES would publish went over the bus, and the status change has its own event: ids only.
    const ses = ((await app.request('GET', '/admin/local/events?limit=1000')).body as any[]).filter((e) => e.source === 'aws.ses' && e.detailType === 'Email Bounced');
    expect(ses.some((e) => e.detail.bounce.bounceType === 'Permanent' && e.detail.bounce.bouncedRecipients[0].emailAddress === bounced.email)).toBe(true);
    const changes = await statusEvents(bounced.cardNumber);
    expect(changes.map((e) => e.detail)).toEqual([
      { cardNumber: bounced.cardNumber, emailStatus: 'BOUNCING', reason: 'BOUNCE', at: expect.any(String), eventId: expect.any(String) },
    ]);
    expect(JSON.stringify(changes)).not.toContain('@');

    const start = app.services.clock.now();
    try {
      await app.services.scheduler.skipTo(new Date('2026-12-02T08:00:30+09:00'));
      // The 08:00 run has fired; a run requested now sends nothing either.
      expect((await app.request('POST', '/admin/jobs/pickup-notices/run', { token: await app.staffToken() })).status).toBe(202);
      await app.services.bus.settled();
      expect(await mailsTo(bounced.email)).toHaveLength(0);
      expect(await mailsTo(fine.email)).toHaveLength(1);
      // Staff call instead: the hold is still on the list after the run.
      const list = (await app.request('GET', '/admin/contact-list?branch=central', { token: await app.staffToken() })).body as any[];
      expect(list.filter((e) => e.holdId === bounced.holdId)).toEqual([expect.objectContaining({ reason: 'EMAIL_BOUNCED' })]);
    } finally {
      await app.services.scheduler.skipTo(start);
    }
  });

  it('SPEC 10.4: a transient bounce is only counted; the address stays OK', async () => {
    const patron = await mailPatron(address('transient'));
    const before = app.services.metrics.total('MailsBouncedTransient');
    const answer = await feedback({ email: patron.email, type: 'Bounce', bounceType: 'Transient' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ marked: 0 });
    expect(await emailStatusOf(patron)).toBe('OK');
    expect(app.services.metrics.total('MailsBouncedTransient')).toBe(before + 1);
    expect(await statusEvents(patron.cardNumber)).toEqual([]);
  });

  it('SPEC 10.4: a complaint marks the address BOUNCING', async () => {
    const patron = await mailPatron(address('complaint'));
    const answer = await feedback({ email: patron.email, type: 'Complaint' });
    expect(answer.body).toMatchObject({ detailType: 'Email Complaint Received', marked: 1 });
    expect(await emailStatusOf(patron)).toBe('BOUNCING');
    expect((await statusEvents(patron.cardNumber)).map((e) => e.detail.reason)).toEqual(['COMPLAINT']);
  });

  it('SPEC 10.4: the address is found whatever case the receiving server wrote it in', async () => {
    const patron = await mailPatron(address('Mixed'));
    expect((await feedback({ email: patron.email.toUpperCase(), type: 'Bounce', bounceType: 'Permanent' })).body).toMatchObject({ marked: 1 });
    expect(await emailStatusOf(patron)).toBe('BOUNCING');
  });

  it('SPEC 10.4: a new address makes it OK again, and a later bounce of the old address changes nothing', async () => {
    const patron = await mailPatron(address('old'));
    await feedback({ email: patron.email, type: 'Bounce', bounceType: 'Permanent' });
    expect(await emailStatusOf(patron)).toBe('BOUNCING');

    const fresh = address('new');
    const saved = await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email: fresh, contactMethod: 'EMAIL' } });
    expect(saved.body).toMatchObject({ email: fresh, emailStatus: 'OK' });
    expect(await emailStatusOf(patron)).toBe('OK');

    expect((await feedback({ email: patron.email, type: 'Bounce', bounceType: 'Permanent' })).body).toMatchObject({ marked: 0 });
    expect(await emailStatusOf(patron)).toBe('OK');
    expect((await statusEvents(patron.cardNumber)).map((e) => `${e.detail.emailStatus}/${e.detail.reason}`).reverse()).toEqual(['BOUNCING/BOUNCE', 'OK/ADDRESS_CHANGED']);

    // The new address is the one that counts now.
    expect((await feedback({ email: fresh, type: 'Complaint' })).body).toMatchObject({ marked: 1 });
    expect(await emailStatusOf(patron)).toBe('BOUNCING');
  });

  it('SPEC 10.4: a patron who stopped using mail is not marked for their old address', async () => {
    const patron = await mailPatron(address('phone'));
    expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { contactMethod: 'PHONE' } })).status).toBe(200);
    expect((await feedback({ email: patron.email, type: 'Bounce' })).body).toMatchObject({ marked: 0 });
  });

  it('SPEC 10.4: an address saved before lookup items existed is found once it has been mailed', async () => {
    const patron = await readyPatron(address('legacy'));
    // As a store written before this release: the profile has the address, no EMAIL# item.
    await app.services.db.client.send(new DeleteCommand({ TableName: app.services.db.tableName, Key: keys.patronEmail(patron.email.toLowerCase(), patron.cardNumber) }));
    expect((await feedback({ email: patron.email, type: 'Bounce', bounceType: 'Permanent' })).body).toMatchObject({ marked: 0 });

    const start = app.services.clock.now();
    try {
      await app.services.scheduler.skipTo(new Date('2026-12-02T08:00:30+09:00'));
      // The day's 08:00 run may have fired in an earlier test: a run now mails the patron.
      expect((await app.request('POST', '/admin/jobs/pickup-notices/run', { token: await app.staffToken() })).status).toBe(202);
      await app.services.bus.settled();
      expect(await mailsTo(patron.email)).toHaveLength(1);
    } finally {
      await app.services.scheduler.skipTo(start);
    }
    expect((await feedback({ email: patron.email, type: 'Bounce', bounceType: 'Permanent' })).body).toMatchObject({ marked: 1 });
    expect(await emailStatusOf(patron)).toBe('BOUNCING');
  });

  it('SPEC 10.4 / 12: a bouncing address gets no lock notice either', async () => {
    const patron = await mailPatron(address('locked'));
    await feedback({ email: patron.email, type: 'Complaint' });
    for (let i = 0; i < 5; i += 1) expect((await app.request('POST', '/api/login', { body: { cardNumber: patron.cardNumber, password: '999999' } })).status).toBe(401);
    expect((await app.request('POST', '/api/login', { body: { cardNumber: patron.cardNumber, password: '999999' } })).status).toBe(423);
    expect(await mailsTo(patron.email)).toHaveLength(0);
  });

  it('SPEC 10.4: a bounce for an address no patron has is ignored', async () => {
    const answer = await feedback({ email: address('nobody'), type: 'Bounce', bounceType: 'Permanent' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ marked: 0 });
  });

  it('SPEC 10.4: bad input answers 400 VALIDATION naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'Bounce' }, 'email'],
      [{ email: 'not an address', type: 'Bounce' }, 'email'],
      [{ email: 'a@example.jp', type: 'Delivery' }, 'type'],
      [{ email: 'a@example.jp' }, 'type'],
      [{ email: 'a@example.jp', type: 'Bounce', bounceType: 'Soft' }, 'bounceType'],
    ];
    for (const [body, field] of cases) {
      const answer = await feedback(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error, JSON.stringify(body)).toMatchObject({ code: 'VALIDATION', field });
    }
  });
});
