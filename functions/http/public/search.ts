import * as z from 'zod/mini';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { searchCatalog } from '../../use-cases/catalog-search.js';

const field = z.optional(z.string().check(z.maxLength(200)));
/**
 * A search reads at most this many results deep (page × pageSize), so one request does
 * bounded work however the catalog has changed since the index was built. Nobody pages past
 * the 1,000th result of a library search; a narrower query finds it.
 */
export const MAX_RESULT_DEPTH = 1000;
const SearchParams = z.object({
  q: field,
  title: field,
  author: field,
  publisher: field,
  isbn: field,
  type: z.optional(z.enum(['BOOK', 'MAGAZINE', 'AV', 'KAMISHIBAI'])),
  branch: z.optional(z.string().check(z.maxLength(40))),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
}).check(
  z.refine((params) => params.page * params.pageSize <= MAX_RESULT_DEPTH, { path: ['page'], error: 'rule:resultDepth' }),
);

/** GET /api/catalog/search (SPEC 4, 7): `{total, items}` with availability and holdability. */
export const searchTitles: RouteHandler = async (request, deps) => {
  const { page, pageSize, ...query } = parseInput(SearchParams, request.query, 'query');
  return ok(await searchCatalog(deps, query, page, pageSize));
};
