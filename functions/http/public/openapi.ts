import { buildOpenApiDocument } from '../../contract/openapi.js';
import { ok, type RouteHandler } from '../../common/http/types.js';

let document: unknown;

/** GET /api/openapi.json (issue 13): built on the first request, not at cold start. */
export const getOpenApi: RouteHandler = async () => ok((document ??= buildOpenApiDocument()));
