import type { GroupHandlers } from '../../common/http/api-handler.js';
import { listBranches } from './branches.js';
import { getConfig } from './config.js';
import { patronLogin } from './login.js';
import { getOpenApi } from './openapi.js';
import { searchTitles } from './search.js';
import { getTitle } from './title.js';

export const publicHandlers: GroupHandlers<'public-api'> = {
  'POST /api/login': patronLogin,
  'GET /api/branches': listBranches,
  'GET /api/config': getConfig,
  'GET /api/catalog/search': searchTitles,
  'GET /api/catalog/titles/{titleId}': getTitle,
  'GET /api/openapi.json': getOpenApi,
};
