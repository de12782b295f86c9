import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_CATEGORIES, MATERIAL_TYPES, SUBTYPES } from '../../functions/domain/catalog.js';
import { CONTACT_METHODS } from '../../functions/domain/contact.js';
import { tokyoIso } from '../../functions/domain/tokyo-time.js';
import { routeContracts } from '../../functions/contract/routes.js';
import { jobNames, routeKey, routes, type Route, type RouteKeyOf } from '../../functions/wiring.js';
import { holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { CHANGED_PASSWORD, DEMO_CARD, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8.8 "fuzzing in CI": property-based requests over every declared route (all of
 * `routes` in functions/wiring.ts, the local-only ones included: the test app serves them).
 * Each request is built from the route's declaration — hostile path parameters, query strings,
 * JSON and non-JSON bodies, content types, the right token, none or the wrong role — and the
 * answer must keep SPEC 7: never 5xx, every error is `{error:{code,message}}`, a 400 names its
 * `field`. Seeded, so a failure replays and prints the request it sent.
 *
 * 25 requests a route in CI (about 830 in all: under 10 s of tests on two quiet cores). For a longer
 * run: FUZZ_RUNS=1000 (requests per route), FUZZ_SEED=n (other requests), FUZZ_STATS=1
 * (answers by route and code: how deep the requests get), FUZZ_SHRINK=1 (shrink a failure to
 * a smaller request; slow).
 */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 25);
/** Fixed, so CI replays the same requests; FUZZ_SEED explores others. */
const SEED = Number(process.env.FUZZ_SEED) || 20261201;

let app: TestApp;
let staff: string;
let patron: string;
let sent = 0;
const started = Date.now();

/**
 * Real records, so requests that find one go past the lookup: the fuzzer's patron (PHONE
 * contact, a title in the basket, a loan, a PROVISIONAL online hold and a READY counter hold)
 * and a second patron whose password staff may reset (that ends its sessions).
 */
const real = {
  cardNumber: '',
  resettableCard: '',
  titleIds: [] as string[],
  itemIds: [] as string[],
  holdIds: [] as string[],
  branches: ['central'] as string[],
};

beforeAll(async () => {
  app = await startTestApp();
  staff = await app.staffToken();
  const someone = await newPatron(app, staff);
  patron = someone.token;
  const resettable = await newPatron(app, staff);
  const held = await newTitle(app, staff, [{}, { branch: 'east' }]);
  const onLoan = await newTitle(app, staff, [{}]);
  const ready = await newTitle(app, staff, [{}]);
  const provisional = await holdPlaced(app, patron, held.titleId);
  await lent(app, staff, someone.cardNumber, onLoan.itemIds[0] as string);
  const counter = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: someone.cardNumber, titleId: ready.titleId, pickupBranch: 'central' } });
  expect(counter.status, JSON.stringify(counter.body)).toBe(201);
  const shelved = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: ready.itemIds[0], branch: 'central' } });
  expect(shelved.body).toMatchObject({ action: 'HOLD_SHELF', holdId: counter.body.holdId });
  expect((await app.request('PUT', '/api/me/contact', { token: patron, body: { contactMethod: 'PHONE' } })).status).toBe(200);
  expect((await app.request('PUT', `/api/me/basket/${onLoan.titleId}`, { token: patron })).status).toBe(204);
  const branches = await app.request('GET', '/api/branches');
  Object.assign(real, {
    cardNumber: someone.cardNumber,
    resettableCard: resettable.cardNumber,
    titleIds: [held.titleId, onLoan.titleId, ready.titleId],
    itemIds: [...held.itemIds, ...onLoan.itemIds, ...ready.itemIds],
    holdIds: [provisional.holdId, counter.body.holdId as string],
    branches: (branches.body as { code: string }[]).map((b) => b.code),
  });
}, 120_000);

afterAll(async () => {
  if (process.env.FUZZ_STATS === '1') {
    for (const [route, byStatus] of stats)
      console.log(
        `${route}: ${[...byStatus]
          .sort()
          .map(([k, n]) => `${k}×${n}`)
          .join(', ')}`,
      );
  }
  console.log(`route-fuzz: sent ${sent} requests over ${routes.length} routes (${RUNS} runs each, seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  agent.destroy();
  await app?.stop();
});

// ---------------------------------------------------------------- sending

interface FuzzRequest {
  readonly method: string;
  /** Already encoded path and query, sent as is. */
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
}

interface Reply {
  readonly status: number;
  readonly text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** node:http, not fetch: a GET may carry a body, and the path goes out exactly as built. */
const send = (req: FuzzRequest): Promise<Reply> =>
  new Promise((resolve, reject) => {
    sent += 1;
    const url = new URL(app.url);
    const outgoing = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.target,
        headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
const describeRequest = (req: FuzzRequest, max = 300) =>
  `${req.method} ${clip(req.target, max)}\n  headers: ${clip(JSON.stringify({ ...req.headers, authorization: req.headers.authorization ? `${req.headers.authorization.slice(0, 12)}…` : undefined }), max)}\n  body: ${req.body ? clip(JSON.stringify(req.body.toString('utf8')), max) : '(none)'}`;

/** SPEC 7: the contract every answer keeps, whatever was asked. Returns the problem, if any. */
const contractProblem = (reply: Reply): string | undefined => {
  if (reply.status >= 500) return `answered ${reply.status}`;
  if (reply.status < 400) return undefined;
  let body: any;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `a ${reply.status} without a JSON body`;
  }
  const error = body?.error;
  if (typeof error?.code !== 'string' || typeof error?.message !== 'string' || error.message === '') return `a ${reply.status} without {error:{code,message}}`;
  if (reply.status === 400 && (typeof error.field !== 'string' || error.field === '')) return 'a 400 that names no field';
  return undefined;
};

/** Answers by route and status (`code` for errors), printed with FUZZ_STATS=1 to see how deep requests get. */
const stats = new Map<string, Map<string, number>>();
const count = (route: string, reply: Reply) => {
  let code = '';
  try {
    code = reply.status >= 400 ? ` ${JSON.parse(reply.text).error.code}` : '';
  } catch {
    code = ' ?';
  }
  const byStatus = stats.get(route) ?? new Map<string, number>();
  byStatus.set(`${reply.status}${code}`, (byStatus.get(`${reply.status}${code}`) ?? 0) + 1);
  stats.set(route, byStatus);
};

const check = async (route: string, req: FuzzRequest) => {
  const reply = await send(req);
  count(route, reply);
  const problem = contractProblem(reply);
  if (problem) {
    console.log(`route-fuzz: ${problem}\n  ${describeRequest(req)}\n  answer: ${reply.status} ${clip(reply.text)}`);
    throw new Error(`${problem}: ${req.method} ${clip(req.target, 120)} → ${reply.status} ${clip(reply.text, 200)}`);
  }
  return reply;
};

// ---------------------------------------------------------------- what each route takes

interface Shape {
  /** Query parameter names the handler reads. */
  readonly query?: readonly string[];
  /** Body field names the handler reads. */
  readonly body?: readonly string[];
}

type DeclaredKey = RouteKeyOf<'public-api'> | RouteKeyOf<'patron-api'> | RouteKeyOf<'staff-api'>;

/** The field names of a contract's object schema (an optional body's too). */
const fieldsOf = (schema: unknown): readonly string[] | undefined => {
  const inner = (schema as { _zod?: { def?: { innerType?: unknown } } } | undefined)?._zod?.def?.innerType ?? schema;
  const shape = (inner as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : undefined;
};

/** What a route's contract (functions/contract/) says it takes. */
const contractShape = (key: string): Shape | undefined => {
  const contract = routeContracts[key as keyof typeof routeContracts];
  if (!contract) return undefined;
  const query = fieldsOf(contract.query);
  const body = fieldsOf(contract.body);
  return { ...(query ? { query } : {}), ...(body ? { body } : {}) };
};

/** Every route is fuzzed with the query and body fields its contract names. */
const shapes = Object.fromEntries(routes.map((route) => [routeKey(route), contractShape(routeKey(route))])) as Record<DeclaredKey, Shape | undefined>;

// ---------------------------------------------------------------- values

const LONG = 'x'.repeat(5000);
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style payload, sent literally
const LOG4SHELL = '${jndi:ldap://x}';
const tricky = [
  '',
  ' ',
  '\u3000',
  '..',
  '../..',
  '.',
  '/',
  '%2F',
  'a/b',
  '\\',
  'NaN',
  '-0',
  '1e308',
  '-1e308',
  'Infinity',
  '0x10',
  '1_000',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\r\n',
  '\t',
  '\u007f',
  '\ufeff',
  '\u200b',
  '\u202e',
  '\ud800',
  '\udc00x',
  '吾輩は猫である',
  'ﾜｶﾞﾊｲ',
  'ア',
  '𠮷野家',
  '😀',
  '👨‍👩‍👧‍👦',
  'é',
  'e\u0301',
  'İ',
  'ß',
  '\u{10ffff}',
  "' OR '1'='1",
  '"; DROP TABLE',
  '<script>alert(1)</script>',
  LOG4SHELL,
  '#',
  '#PATRON#',
  'PK',
  'TITLE#T1',
  'x'.repeat(40),
  'x'.repeat(41),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(1025),
  'x'.repeat(2049),
  LONG,
  '猫'.repeat(700),
  '😀'.repeat(600),
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...tricky), weight: 4 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...'あいうえおカタカナ漢字図書館ーー・　'), minLength: 1, maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u2028'), minLength: 1, maxLength: 5 }), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('x', '9', '猫', '😀', ' ')).map(([n, c]) => c.repeat(n).slice(0, 5000)), weight: 1 },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-0, 0, 1, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1.5, 999, 1000, 2999, 3000, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nested arrays or objects, deep enough to stress a parser, not the test machine. */
const deepValue = fc.tuple(fc.integer({ min: 10, max: 800 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
});

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.array(hostileString, { maxLength: 60 }), weight: 2 },
  { arbitrary: fc.array(fc.oneof(hostileNumber, fc.constant(null), fc.object()), { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.object({ maxDepth: 2 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  { arbitrary: deepValue, weight: 1 },
);

/** What functions/common/http/schemas.ts `text` accepts. */
const printable = (value: string) => value.trim() !== '' && !/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/.test(value);

/** Values a handler accepts for a field or parameter name, with the real records' ids: they reach the deep code. */
const validFor = (name: string): fc.Arbitrary<unknown> => {
  switch (name) {
    case 'cardNumber':
      return fc.oneof(fc.constantFrom(real.cardNumber, DEMO_CARD), fc.stringMatching(/^[0-9]{8}$/));
    case 'titleId':
      return fc.oneof(fc.constantFrom(...real.titleIds, 'FZ-title-1'), fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/));
    case 'itemId':
      return fc.constantFrom(...real.itemIds, 'FZ-item-1', 'FZ-import-i1');
    case 'holdId':
      return fc.constantFrom(...real.holdIds);
    case 'titleIds':
      return fc.array(validFor('titleId'), { minLength: 1, maxLength: 5 });
    case 'itemIds':
      return fc.array(validFor('itemId'), { minLength: 1, maxLength: 5 });
    case 'branch':
    case 'pickupBranch':
      return fc.constantFrom(...real.branches);
    case 'date':
      return fc.constantFrom('2026-12-01', '2026-12-24', '2026-11-30');
    case 'birthDate':
      return fc.constantFrom('1990-05-05', '2000-02-29', '1950-01-01');
    case 'opensAt':
      return fc.constantFrom('09:30', '10:00');
    case 'closesAt':
      return fc.constantFrom('17:00', '19:00');
    case 'open':
    case 'interlibrary':
      return fc.boolean();
    case 'password':
    case 'currentPassword':
    case 'newPassword':
      // Never the patron's real password: a successful change would end the fuzzer's session.
      return fc.constantFrom<string>('0505', '1', '123456', '99999').filter((pin) => pin !== CHANGED_PASSWORD);
    case 'staffId':
      return fc.constantFrom('admin', 'nobody');
    case 'email':
      return fc.constantFrom('hanako@example.com', 'x.y@example.co.jp');
    case 'contactMethod':
      return fc.constantFrom(...CONTACT_METHODS);
    case 'materialType':
      return fc.constantFrom(...MATERIAL_TYPES);
    case 'subtype':
      return fc.constantFrom(...SUBTYPES);
    case 'category':
      return fc.constantFrom(...ITEM_CATEGORIES);
    case 'type':
      return fc.constantFrom('BOOK', 'MAGAZINE', 'AV', 'KAMISHIBAI');
    case 'year':
      return fc.integer({ min: 1000, max: 2999 });
    case 'isbn':
      return fc.constantFrom('9784003101018', '978-4-00-310101-8', '4003101014');
    case 'titleReading':
    case 'authorReading':
      return fc.constantFrom('ワガハイ ハ ネコ デ アル', 'ナツメ ソウセキ');
    case 'page':
    case 'pageSize':
    case 'limit':
      return fc.constantFrom('1', '2', '10', '20');
    case 'job':
      return fc.constantFrom(...jobNames);
    case 'phone':
      return fc.constantFrom('029-224-1234', '+81292241234');
    case 'jsonl':
      return jsonl();
    case 'now':
      // The app's own clock (a move of milliseconds): a jump would fire every scheduled run in between.
      return fc.constant(null).map(() => tokyoIso(app.services.clock.now()));
    case 'reason':
      return fc.constantFrom('破損のため', 'duplicate');
    case 'role':
      return fc.constantFrom('ADMIN', 'COUNTER');
    case 'q':
      return fc.constantFrom('予約', 'よやく', 'ﾖﾔｸ', real.cardNumber, real.cardNumber.slice(0, 5), '６０００');
    default:
      // Free text (names, titles): anything printable the text rule lets through, lone surrogates included.
      return fc.oneof(
        fc.constantFrom('吾輩は猫である', '予約 花子', 'Fuzz', '第1巻'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter(printable),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter(printable),
      );
  }
};

/** Near misses for a name: one character, one day or one step outside what is accepted. */
const nearMissFor = (name: string): fc.Arbitrary<unknown> => {
  switch (name) {
    case 'cardNumber':
      // Full-width digits, spaces and hyphens are folded (issue 10.6): these stay one digit off.
      return fc.constantFrom('1234567', '123456789', '000000０', ` ${DEMO_CARD}0`, '0000000Ａ', Number(DEMO_CARD));
    case 'titleId':
      return fc.constantFrom('T-does-not-exist', `${real.titleIds[0]} `, (real.titleIds[0] as string).toLowerCase(), `${real.titleIds[0]}/x`);
    case 'itemId':
      return fc.constantFrom('missing-item', ` ${real.itemIds[0]}`, (real.itemIds[0] as string).toLowerCase());
    case 'holdId':
      return fc.constantFrom(`${real.holdIds[0]}x`, 'H-does-not-exist', (real.holdIds[0] as string).slice(0, -1));
    case 'titleIds':
    case 'itemIds':
      return fc.oneof(
        fc.constant([]),
        fc.array(plausibleFor(name === 'titleIds' ? 'titleId' : 'itemId'), { minLength: 51, maxLength: 55 }),
        fc.array(hostileValue, { maxLength: 3 }),
      );
    case 'branch':
    case 'pickupBranch':
      return fc.constantFrom('nowhere', 'CENTRAL', ' central ', 'central\u0000');
    case 'date':
    case 'birthDate':
      return fc.constantFrom('2026-02-29', '2026-02-30', '2027-13-01', '0000-01-01', '9999-12-31', '2026-1-1', '20261201', '2099-01-01');
    case 'opensAt':
    case 'closesAt':
      return fc.constantFrom('00:00', '23:59', '24:00', '9:30', '19:60', '07:00');
    case 'open':
    case 'interlibrary':
      return fc.constantFrom('true', 0, 1);
    case 'password':
    case 'currentPassword':
    case 'newPassword':
      return fc.constantFrom<string>('1234567', '０５０５', ' 0505', '05 05', 'abcd', '');
    case 'staffId':
      return fc.constantFrom(' admin', 'ADMIN', '');
    case 'email':
      return fc.constantFrom('a@b', 'x@example.com\n', '予約@例え.jp', 'a@example.con', '', '  ', `${'a'.repeat(300)}@example.com`);
    case 'contactMethod':
      return fc.constantFrom('email', 'FAX', '');
    case 'materialType':
      return fc.constantFrom('KAMISHIBAI', 'book');
    case 'subtype':
    case 'category':
      return fc.constantFrom('NONE', 'RARE', 'normal');
    case 'type':
      return fc.constantFrom('book', 'ALL');
    case 'year':
      return fc.constantFrom(999, 3000, '2020', 1999.5, -0);
    case 'isbn':
      return fc.constantFrom('9784003101019', '400310101X', '', ' ', '978400310101');
    case 'titleReading':
    case 'authorReading':
      return fc.constantFrom('', '   ', 'わがはい', 'ｱ', 'ア'.repeat(501));
    case 'page':
    case 'pageSize':
    case 'limit':
      return fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), fc.constantFrom('1e3', '1.5', '0x10', 'NaN', '-0', '', ' 1', '1,2', 'Infinity'));
    case 'job':
      return fc.constantFrom('Hold-Registration', 'nope', 'search_index');
    case 'phone':
      return fc.constantFrom('123', '０２９', '029 224 1234');
    case 'jsonl':
      return fc.constantFrom('', ' ', '\n\n');
    case 'now':
      // Never a valid instant (see validFor).
      return fc.constantFrom(
        '2026-02-30T10:00:00+09:00',
        '2026-12-01T25:00:00+09:00',
        '2026-12-01T10:00:00',
        '2026-12-01',
        'now',
        '+275760-09-13T00:00:00Z',
        0,
        false,
        {},
      );
    case 'reason':
      return fc.constantFrom('x'.repeat(201), 'a\nb', '');
    case 'role':
      return fc.constantFrom('admin', 'OWNER', '');
    case 'q':
      return fc.constantFrom('', ' ', '60', '123456789', '・・', 'x'.repeat(101));
    default:
      return fc.constantFrom(' 余白 ', 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(301), 'x'.repeat(501), '', ' ');
  }
};

const plausibleFor = (name: string): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: validFor(name), weight: 3 }, { arbitrary: nearMissFor(name), weight: 2 });

/** A value for a named field: mostly plausible, often hostile. */
const valueFor = (name: string) => fc.oneof({ arbitrary: plausibleFor(name), weight: 3 }, { arbitrary: hostileValue, weight: 2 });

/**
 * One import line: a title record, valid or nearly (one field off), with copies whose ids
 * come from a small pool, so ids repeat within a line, across lines and with the catalog.
 */
const titleLine = () => {
  const copy = fc.record(
    {
      itemId: fc.oneof({ arbitrary: fc.constantFrom('FZ-import-i1', 'FZ-import-i2', real.itemIds[0] as string), weight: 6 }, { arbitrary: hostileString, weight: 1 }),
      branch: fc.oneof({ arbitrary: validFor('branch'), weight: 5 }, { arbitrary: nearMissFor('branch'), weight: 1 }),
      category: fc.oneof({ arbitrary: validFor('category'), weight: 5 }, { arbitrary: nearMissFor('category'), weight: 1 }),
      interlibrary: validFor('interlibrary'),
    },
    { requiredKeys: ['itemId', 'branch', 'category'] },
  );
  const fields = ['title', 'titleReading', 'author', 'materialType', 'year', 'isbn', 'series', 'volume'] as const;
  const model: Record<string, fc.Arbitrary<unknown>> = {
    titleId: fc.constantFrom('FZ-import-1', 'FZ-import-2', 'FZ-import-3', ...real.titleIds),
    ...Object.fromEntries(fields.map((f) => [f, validFor(f)])),
    copies: fc.array(copy, { maxLength: 4 }),
  };
  const valid = fc.record(model, { requiredKeys: ['titleId', 'title', 'materialType'] });
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    {
      arbitrary: fc.tuple(valid, fc.constantFrom<string>('titleId', 'copies', ...fields), valueFor('x')).map(([record, name, bad]) => ({ ...record, [name]: bad })),
      weight: 1,
    },
  );
};

/** Catalog import lines: title records (with repeated ids), garbage, blank lines. */
const jsonl = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { arbitrary: titleLine().map((v) => JSON.stringify(v)), weight: 4 },
        { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'), weight: 1 },
        { arbitrary: hostileString, weight: 1 },
        { arbitrary: fc.constantFrom('', '{', '{"titleId":"T1"', '\r', 'null', '[]', '{"copies":null}'), weight: 1 },
      ),
      { maxLength: 8 },
    )
    .chain((lines) => fc.constantFrom('\n', '\r\n', '\n\n').map((sep) => lines.join(sep)));

// ---------------------------------------------------------------- URLs

/** Percent-encodes every byte but RFC 3986 unreserved ones (lone surrogates become U+FFFD). */
const encode = (value: string) =>
  Array.from(Buffer.from(value, 'utf8'))
    .map((b) => (b < 128 && /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

/** Sent as is: dot segments, encoded slashes, broken escapes. Printable ASCII only (node:http refuses the rest). */
const rawSegments = [
  '..',
  '.',
  '%2F',
  'a%2Fb',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '%00',
  '%',
  '%zz',
  '%E3%81',
  '%C0%AE%C0%AE',
  '%ED%A0%80',
  'a%20b',
  '%252F',
  ';x=1',
  'T1%3Bx',
  '*',
  '$default',
];

/**
 * Encoded, at most `max` characters: the local server (Node, like API Gateway) refuses a
 * request line and headers over 16 KB before any handler runs, with no body of ours.
 */
const encodeWithin = (value: string, max: number) => {
  let text = value;
  while (encode(text).length > max) text = text.slice(0, Math.floor(text.length * 0.8));
  return encode(text);
};

const pathParameter = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    {
      // The path's card number is one staff may reset: a reset of the fuzzer's own patron would end its session.
      arbitrary: (name === 'cardNumber' ? fc.constantFrom(real.resettableCard, '99999999', '1234567') : plausibleFor(name)).map((v) => encode(String(v))),
      weight: 4,
    },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/), weight: 2 },
    { arbitrary: hostileString.map((v) => encodeWithin(v, 6000)), weight: 3 },
    { arbitrary: fc.constantFrom(...rawSegments), weight: 2 },
  );

const queryPart = (shape: Shape): fc.Arbitrary<string> => {
  const known = shape.query ?? [];
  const name = fc.oneof(
    ...(known.length ? [{ arbitrary: fc.constantFrom(...known), weight: 4 }] : []),
    { arbitrary: fc.constantFrom('q', 'page', 'limit', 'branch', '__proto__', 'constructor', 'toString', ''), weight: 1 },
    { arbitrary: hostileString, weight: 1 },
  );
  const pair = name.chain((n) =>
    fc.oneof(
      { arbitrary: valueFor(n).map((v) => `${encodeWithin(n, 200)}=${encodeWithin(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''), 1500)}`), weight: 5 },
      { arbitrary: fc.constant(encodeWithin(n, 200)), weight: 1 },
      { arbitrary: fc.constantFrom('=', '&', '%', '%zz', 'a=%', '=x', 'a==b', 'a=1;b=2', '+', 'q=%E3%81'), weight: 1 },
    ),
  );
  return fc.array(pair, { maxLength: known.length ? 6 : 2 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
};

// ---------------------------------------------------------------- bodies

const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? '', 'utf8');

const bodyFor = (shape: Shape): fc.Arbitrary<Buffer | undefined> => {
  const names = shape.body ?? [];
  const fields = names.length
    ? fc.record(Object.fromEntries(names.map((n) => [n, valueFor(n)])), { requiredKeys: [] })
    : fc.dictionary(fc.constantFrom('id', 'reason', 'now', 'titleId', 'x'), hostileValue, { maxKeys: 3 });
  const valid = fc.record(Object.fromEntries(names.map((n) => [n, validFor(n)])));
  const oneOff = fc
    .tuple(valid, fc.constantFrom(...(names.length ? names : ['x'])), fc.boolean())
    .chain(([record, name, hostile]) => (hostile ? hostileValue : nearMissFor(name)).map((bad) => ({ ...record, [name]: bad })));
  return fc.oneof(
    { arbitrary: valid.map(json), weight: 5 },
    { arbitrary: oneOff.map(json), weight: 3 },
    { arbitrary: fields.map(json), weight: 3 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.jsonValue().map(json), weight: 1 },
    { arbitrary: fc.anything().map((v) => (v === undefined ? undefined : json(v))), weight: 1 },
    { arbitrary: hostileValue.map(json), weight: 1 },
    // A valid-looking record with one field of the wrong type.
    {
      arbitrary: valid
        .chain((record) =>
          fc.tuple(
            fc.constant(record),
            fc.constantFrom(...(names.length ? names : ['x'])),
            fc.constantFrom<unknown>(0, -0, 1e308, 'NaN', true, null, [], {}, ['a'], { $ne: 1 }),
          ),
        )
        .map(([record, name, wrong]) => json({ ...record, [name]: wrong })),
      weight: 2,
    },
    // Not JSON, or JSON a parser might trip on.
    {
      arbitrary: fc.oneof(
        fc
          .constantFrom(
            '{',
            '{"a":1,}',
            'NaN',
            '-',
            '1e999',
            '-0',
            '\ufeff{}',
            '{"__proto__":{"polluted":1}}',
            "{'a':1}",
            'undefined',
            '[1,2',
            '"unterminated',
            'a=b&c=d',
            '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
            ' ',
            '\n',
          )
          .map((s) => Buffer.from(s, 'utf8')),
        fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
        hostileString.map((s) => Buffer.from(s, 'utf8')),
        fc.integer({ min: 1, max: 30_000 }).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))),
        fc.constant(Buffer.from(`{"x":"${'y'.repeat(70_000)}"}`)),
      ),
      weight: 2,
    },
  );
};

const contentType = fc.constantFrom<string | undefined>(
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
  '*/*',
  '',
);

// ---------------------------------------------------------------- who calls

const tokenFor = (route: Route): fc.Arbitrary<string | undefined> => {
  const right = route.access === 'patron' ? patron : route.access === 'staff' ? staff : undefined;
  const wrong = route.access === 'patron' ? staff : route.access === 'staff' ? patron : undefined;
  return fc.oneof(
    { arbitrary: fc.constant(right), weight: 8 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constantFrom(wrong ?? patron, wrong ?? staff), weight: 1 },
    {
      arbitrary: fc
        .constantFrom(
          'Bearer',
          'Bearer ',
          'Bearer x',
          'Bearer a.b.c',
          'Basic YWRtaW46YWRtaW4=',
          `Bearer ${patron}x`,
          `Bearer ${patron.slice(0, -4)}`,
          `bearer ${staff}`,
          `Bearer ${patron} ${patron}`,
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMDAwMDAwMSJ9.',
          `Bearer ${'x'.repeat(2000)}`,
        )
        .map((header) => `RAW:${header}`),
      weight: 1,
    },
  );
};

/** Drops trailing query pairs past 11,000 characters of request target (see encodeWithin). */
const withinLineLimit = (path: string, query: string) => {
  let kept = query;
  while (path.length + kept.length > 11_000 && kept.includes('&')) kept = kept.slice(0, kept.lastIndexOf('&'));
  return path.length + kept.length > 11_000 ? '' : kept;
};

/**
 * PUT /admin/local/clock: a body that would move the clock further than a minute (or back to
 * real time, `null`). Moving it fires every scheduled run in between and ends tokens issued
 * "later"; such requests are left out, the refusals and a move to the clock's own time stay.
 */
const movesClock = (body: Buffer | undefined) => {
  let now: unknown;
  try {
    now = (JSON.parse(body?.toString('utf8') ?? '') as { now?: unknown } | null)?.now;
  } catch {
    return false;
  }
  if (now === null) return true;
  if (typeof now !== 'string' || Number.isNaN(Date.parse(now))) return false;
  return Math.abs(Date.parse(now) - app.services.clock.now().getTime()) > 60_000;
};

const requestFor = (route: Route): fc.Arbitrary<FuzzRequest> => {
  const shape = shapes[routeKey(route) as DeclaredKey] ?? {};
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const filled = fc.tuple(...names.map(pathParameter)).map((values) => {
    let i = 0;
    return route.path.replace(/\{\w+\}/g, () => values[i++] as string);
  });
  // Now and then a path just beside the route: a trailing slash, a doubled one, other case.
  const path = fc
    .tuple(filled, fc.constantFrom<'' | '/' | '//' | 'upper' | 'double'>('', '', '', '', '', '', '', '', '', '', '', '', '/', '//', 'upper', 'double'))
    .map(([p, twist]) => (twist === 'upper' ? p.toUpperCase() : twist === 'double' ? p.replace('/', '//') : p + twist));
  const method = fc.oneof(
    { arbitrary: fc.constant<string>(route.method), weight: 15 },
    { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), weight: 1 },
  );
  const mayHaveQuery = route.method === 'GET' || shape.query !== undefined;
  const query = mayHaveQuery ? queryPart(shape) : fc.oneof({ arbitrary: fc.constant(''), weight: 5 }, { arbitrary: queryPart(shape), weight: 1 });
  const mayHaveBody = route.method !== 'GET';
  const body = mayHaveBody ? bodyFor(shape) : fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: bodyFor(shape), weight: 1 });
  const language = fc.constantFrom<string | undefined>(undefined, 'en', 'ja', 'en-US,en;q=0.9', '*', 'zz', '', 'en'.repeat(500));
  const clock = route.path === '/admin/local/clock';
  return fc
    .record({ method, path, query, body, contentType, token: tokenFor(route), language })
    .filter((r) => !clock || !movesClock(r.body))
    .map(({ method, path, query, body, contentType, token, language }) => ({
      // How fast-check prints a counterexample: readable, not the body's bytes.
      [fc.toStringMethod](this: FuzzRequest) {
        return describeRequest(this, 2000);
      },
      method,
      target: path + withinLineLimit(path, query),
      body,
      headers: {
        ...(contentType !== undefined ? { 'content-type': contentType } : {}),
        ...(language !== undefined ? { 'accept-language': language } : {}),
        ...(token === undefined ? {} : { authorization: token.startsWith('RAW:') ? token.slice(4) : `Bearer ${token}` }),
      },
    }));
};

// ---------------------------------------------------------------- the properties

describe(`SPEC 7 under fuzzing: every declared route, ${RUNS} generated requests each (FUZZ_RUNS), seed ${SEED}`, () => {
  it('covers every route of functions/wiring.ts, the local-only ones included', () => {
    expect(routes.filter((route) => !shapes[routeKey(route) as DeclaredKey]).map(routeKey)).toEqual([]);
    expect(routes.some((r) => r.access === 'local')).toBe(true);
  });

  it.each(routes.map((route, index) => [routeKey(route), route, index] as const))(
    '%s: never 5xx, errors are {error:{code,message}}, a 400 names its field',
    async (_name, route, index) => {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (req) => {
          await check(_name, req);
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK !== '1' },
      );
    },
    Math.max(60_000, RUNS * 2_000),
  );

  it('regression (found by this fuzzer): an import line listing one copy twice is a rejected line, not a 500', async () => {
    const copy = { itemId: 'FZ-twice-1', branch: 'central', category: 'NORMAL' };
    const line = JSON.stringify({ titleId: 'FZ-twice', title: '二度ある資料', materialType: 'BOOK', copies: [copy, { ...copy, branch: 'east' }] });
    const answer = await app.request('POST', '/admin/catalog/import', { token: staff, body: { jsonl: `${line}\n` } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ titles: 0, copies: 0, rejectedLines: [{ line: 1, field: 'copies.1.itemId', problem: 'itemId repeated in the file' }] });
    expect((await app.request('GET', '/api/catalog/titles/FZ-twice')).status).toBe(404);
  });

  it.each(['/%', '/staff/%C0%AE', '//api/catalog/titles/%C0%AE%C0%AE', '/%E3%81'])(
    "regression (found by this fuzzer): GET %s, a malformed escape outside the API, is 404 NOT_FOUND, not the local server's 502",
    async (target) => {
      const reply = await check('regression', { method: 'GET', target, headers: {} });
      expect(reply.status).toBe(404);
      expect(JSON.parse(reply.text).error.code).toBe('NOT_FOUND');
    },
  );

  it('the service still answers normally after the run', async () => {
    const branches = await app.request('GET', '/api/branches');
    expect(branches.status).toBe(200);
    expect(branches.body.length).toBeGreaterThan(0);
    expect((await app.request('GET', '/api/me', { token: patron })).status).toBe(200);
    expect((await app.request('GET', `/api/catalog/titles/${real.titleIds[0]}`)).status).toBe(200);
    expect((await app.request('GET', '/admin/jobs/hold-registration/runs', { token: staff })).status).toBe(200);
  });
});
