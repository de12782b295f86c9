import * as z from 'zod/mini';
import { deployedRoutes, routeKey, routes, type RouteDeclaration } from '../wiring.js';
import { allErrors } from './common-errors.js';
import { routeContracts } from './routes.js';
import type { RouteContract } from './route-contract.js';

type JsonSchema = Record<string, unknown>;

/** The document's own version: raised with every change of a route, a field or a code. */
export const CONTRACT_VERSION = '1.0.0';

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** `POST /api/me/holds/{holdId}` → `postApiMeHoldsHoldId`: stable, unique, readable. */
export const operationId = (route: RouteDeclaration): string =>
  route.method.toLowerCase() +
  route.path
    .split(/[/{}.-]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');

/** Every error answer: `{error: {code, message, field?}}`; each status narrows `code`. */
const ERROR_ENVELOPE: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'In Japanese, or English with `Accept-Language: en`.' },
        field: { type: 'string', description: 'The input at fault (400).' },
      },
    },
  },
};

/** What the HTTP layer adds to the `error` of some statuses on every route (functions/common/http/). */
const COMMON_ERROR_DETAILS: Partial<Record<number, z.ZodMiniObject>> = {
  400: z.object({ reason: z.optional(z.enum(['MALFORMED_JSON'])) }),
  413: z.object({ limitBytes: z.number() }),
  503: z.object({ retryAfterSeconds: z.number() }),
};

/** The error answer of one status: the envelope, `code` one of `codes`, and any extra fields. */
const errorSchema = (codes: readonly string[], status: number, details: z.ZodMiniObject | undefined): JsonSchema => {
  const common = COMMON_ERROR_DETAILS[status];
  const merged = common && details ? z.object({ ...common.shape, ...details.shape }) : (details ?? common);
  const extra = merged ? (jsonSchema(merged, 'output') as { properties?: JsonSchema; required?: string[] }) : {};
  return {
    allOf: [{ $ref: '#/components/schemas/Error' }],
    properties: {
      error: {
        ...(extra.required?.length ? { required: extra.required } : {}),
        properties: { ...extra.properties, code: { enum: [...codes] } },
      },
    },
  };
};

const parameters = (contract: RouteContract): JsonSchema[] => {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', contract.params],
    ['query', contract.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...rest } = property as { description?: string };
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return list;
};

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  400: 'Bad input (`field` names it)',
  401: 'No valid session',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Refused by the current state',
  413: 'Body too large',
  422: 'Refused by a rule',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal error (nothing was half-written)',
  503: 'Busy; try again shortly (`retryAfterSeconds`)',
};

const operation = (route: RouteDeclaration, contract: RouteContract): JsonSchema => {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, schema] of Object.entries(contract.responses)) {
    responses[status] = {
      description: STATUS_TEXT[Number(status)] ?? 'Answer',
      ...(schema ? { content: { 'application/json': { schema: jsonSchema(schema, 'output') } } } : {}),
    };
  }
  const errors = allErrors(route, contract.errors);
  for (const [status, codes] of Object.entries(errors)) {
    responses[status] = {
      description: `${STATUS_TEXT[Number(status)] ?? 'Error'}: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      content: { 'application/json': { schema: errorSchema(codes, Number(status), contract.errorDetails?.[Number(status)]) } },
    };
  }
  const params = parameters(contract);
  return {
    operationId: operationId(route),
    tags: [route.access],
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    security: route.access === 'patron' ? [{ patronToken: [] }] : route.access === 'staff' ? [{ staffToken: [] }] : [],
    ...(params.length ? { parameters: params } : {}),
    ...(contract.body
      ? {
          requestBody: {
            // An optional body (z.optional) may be left out.
            required: contract.body._zod.optin !== 'optional',
            content: { 'application/json': { schema: jsonSchema(contract.body, 'input') } },
          },
        }
      : {}),
    responses,
    'x-error-codes': errors,
    ...(route.role ? { 'x-staff-role': route.role } : {}),
  };
};

/**
 * The OpenAPI 3.1 document of the HTTP API, built from the route declarations
 * (functions/wiring.ts) and their contracts (functions/contract/routes.ts). Both stacks
 * serve it at GET /api/openapi.json; `npm run contract` writes it to docs/. `includeLocal`
 * adds the local stack's own routes (the contract tests check those answers too).
 */
export const buildOpenApiDocument = (options: { includeLocal?: boolean } = {}): JsonSchema => {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of options.includeLocal ? routes : deployedRoutes) {
    const contract = routeContracts[routeKey(route) as keyof typeof routeContracts];
    if (!contract) throw new Error(`route ${routeKey(route)} has no contract`);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, contract);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Library reservations API',
      version: CONTRACT_VERSION,
      description:
        'Internet reservations of a public library: catalog search, holds, the reservation basket and renewals for patrons; the counter, the calendar and the catalog for staff. JSON in and out; every error is `{"error": {"code", "message", "field"?}}` with the message in Japanese, or English with `Accept-Language: en`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'public', description: 'No token' },
      { name: 'patron', description: 'A patron token from POST /api/login' },
      { name: 'staff', description: 'A staff token from POST /admin/login' },
      ...(options.includeLocal ? [{ name: 'local', description: 'The local stack only; never deployed' }] : []),
    ],
    paths,
    components: {
      schemas: { Error: ERROR_ENVELOPE },
      securitySchemes: {
        patronToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /api/login' },
        staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /admin/login' },
      },
    },
  };
};
