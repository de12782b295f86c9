import type { ApiGroupName, RouteKeyOf } from '../wiring.js';
import { localContracts } from './local.js';
import { patronContracts } from './patron.js';
import { publicContracts } from './public.js';
import type { RouteContract } from './route-contract.js';
import { staffContracts } from './staff.js';

/**
 * Every declared route's contract, by route key. The type refuses a route of
 * functions/wiring.ts without a contract (and a contract without a route).
 */
export const routeContracts: Readonly<Record<RouteKeyOf<ApiGroupName>, RouteContract>> = {
  ...publicContracts,
  ...patronContracts,
  ...staffContracts,
  ...localContracts,
};
