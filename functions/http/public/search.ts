import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { SearchQuery } from '../../contract/public.js';
import { searchCatalog } from '../../use-cases/catalog-search.js';

/** GET /api/catalog/search (SPEC 4, 7): `{total, items}` with availability and holdability. */
export const searchTitles: RouteHandler = async (request, deps) => {
  const { page, pageSize, ...query } = parseInput(SearchQuery, request.query, 'query');
  return ok(await searchCatalog(deps, query, page, pageSize));
};
