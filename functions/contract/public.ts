import * as z from 'zod/mini';
import { cardNumber, password } from '../common/http/schemas.js';
import { pathId } from './path-id.js';
import { contract } from './route-contract.js';
import { BranchView } from './views/branch.js';
import { instant } from './views/common.js';
import { LibraryConfig } from './views/config.js';
import { SearchResult } from './views/search.js';
import { TitleDetail } from './views/title.js';

export const LoginBody = z.object({ cardNumber, password });
export type LoginBody = z.input<typeof LoginBody>;
export const LoginAnswer = z.object({
  token: z.string(),
  expiresAt: instant,
  passwordIsInitial: z.boolean().check(z.describe('SPEC 12: true until the patron replaces the password staff issued.')),
});
export type LoginAnswer = z.output<typeof LoginAnswer>;

const searchText = z.optional(z.string().check(z.maxLength(200)));
/**
 * A search reads at most this many results deep (page × pageSize), so one request does
 * bounded work however the catalog has changed since the index was built. Nobody pages past
 * the 1,000th result of a library search; a narrower query finds it.
 */
export const MAX_RESULT_DEPTH = 1000;
export const SearchQuery = z
  .object({
    q: searchText,
    title: searchText,
    author: searchText,
    publisher: searchText,
    isbn: searchText,
    type: z.optional(z.enum(['BOOK', 'MAGAZINE', 'AV', 'KAMISHIBAI'])),
    branch: z.optional(z.string().check(z.maxLength(40))),
    page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 1),
    pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  })
  .check(z.refine((params) => params.page * params.pageSize <= MAX_RESULT_DEPTH, { path: ['page'], error: 'rule:resultDepth' }));

/** The contracts of the public routes (SPEC 7: no token). */
export const publicContracts = {
  'POST /api/login': contract({
    summary: 'Patron login with card number and password',
    description:
      'SPEC 3, 12. The card number is width-folded and may carry spaces or hyphens; the password is 1–6 ASCII digits. Failed attempts lock the account for a while (423 `LOCKED`, with `unlocksAt`). `passwordIsInitial`: only GET /api/me and PUT /api/me/password are open until the password is changed.',
    body: LoginBody,
    responses: { 200: LoginAnswer },
    errors: { 401: ['INVALID_CREDENTIALS'], 423: ['LOCKED'] },
    errorDetails: { 423: z.object({ unlocksAt: instant }) },
  }),
  'GET /api/branches': contract({
    summary: 'The branches, in the library’s order',
    description: 'SPEC 2. Names in Japanese; `nameEn` in English.',
    responses: { 200: z.array(BranchView) },
    errors: {},
  }),
  'GET /api/config': contract({
    summary: 'The rules clients show, and the service’s clock',
    description: 'SPEC 11: hold limit, loan and pickup days, renewals as this stack applies them; `serverTime` is the service’s clock.',
    responses: { 200: LibraryConfig },
    errors: {},
  }),
  'GET /api/catalog/search': contract({
    summary: 'Search the catalog',
    description:
      'SPEC 4. `q` searches every field; the others narrow by field (all words must match; kana and width are folded). `type` filters by material type (KAMISHIBAI is a subtype of BOOK), `branch` by holding branch. Results are read at most 1,000 deep (`page` × `pageSize`; deeper answers 400 with `field: "page"`). Each result carries its availability and whether it can be reserved online.',
    query: SearchQuery,
    responses: { 200: SearchResult },
    errors: {},
  }),
  'GET /api/catalog/titles/{titleId}': contract({
    summary: 'A title with its copies, availability and queue',
    description:
      'SPEC 4, 7. `holdable`/`reason` as in search; `waiting` counts PROVISIONAL and WAITING holds; `estimatedReadyDate` (SPEC 10.3) is when a hold placed now would be expected ready, null when the title cannot be reserved online or no copy can fill a hold.',
    params: z.object({ titleId: pathId }),
    responses: { 200: TitleDetail },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'GET /api/openapi.json': contract({
    summary: 'This document (OpenAPI 3.1)',
    responses: { 200: z.record(z.string(), z.unknown()) },
    errors: {},
  }),
};
