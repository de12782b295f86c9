import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildOpenApiDocument } from '../../functions/contract/openapi.js';
import { routeContracts } from '../../functions/contract/routes.js';
import type { ObservedAnswer } from '../../lib/local/http-server.js';

type Operation = { responses: Record<string, { content?: { 'application/json'?: { schema: object } } }> };
type Document = { paths: Record<string, Record<string, Operation>> };

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const DOCUMENT_ID = 'openapi.json';
/** A JSON pointer to `segments` inside the document (RFC 6901 escaping). */
const pointer = (...segments: string[]) => `${DOCUMENT_ID}#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

let shared: { document: Document; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

/** One document and one compiled validator per route and status, for the whole test run. */
const compiled = () => {
  if (!shared) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const document = buildOpenApiDocument({ includeLocal: true }) as Document;
    // The whole document is one schema resource, so `#/components/...` references resolve.
    ajv.addSchema(document, DOCUMENT_ID);
    shared = { document, ajv, validators: new Map() };
  }
  return shared;
};

const parse = (body: string | undefined): { ok: true; value: unknown } | { ok: false } => {
  if (body === undefined || body === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
};

/**
 * Checks one answer against the OpenAPI document (issue 13): its status must be one the
 * route lists, its body must match that status's schema, and an error's code must be one
 * the route declares. Returns what is wrong, or undefined.
 */
export const contractViolation = (answer: ObservedAnswer): string | undefined => {
  const { document, ajv, validators } = compiled();
  const where = `${answer.method} ${answer.path} (${answer.routeKey}) answered ${answer.status}`;
  const parsed = parse(answer.body);
  if (!parsed.ok) return `${where} with a body that is not JSON`;
  const body = parsed.value as { error?: { code?: unknown } } | undefined;
  if (answer.routeKey === '$default') {
    return answer.status === 404 && body?.error?.code === 'NOT_FOUND' ? undefined : `${where}: an unknown route must answer 404 NOT_FOUND`;
  }
  const contract = routeContracts[answer.routeKey as keyof typeof routeContracts];
  if (!contract) return `${where}: the route has no contract`;
  const [method = '', path = ''] = answer.routeKey.split(' ');
  const response = document.paths[path]?.[method.toLowerCase()]?.responses[String(answer.status)];
  if (!response) return `${where}, a status its contract does not list${body?.error ? ` (code ${String(body.error.code)})` : ''}`;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? undefined : `${where} with a body; its contract says none`;
  if (body === undefined) return `${where} without a body; its contract describes one`;
  if (answer.contentType && !answer.contentType.startsWith('application/json')) return `${where} as ${answer.contentType}, not JSON`;
  const key = `${answer.routeKey} ${answer.status}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: pointer('paths', path, method.toLowerCase(), 'responses', String(answer.status), 'content', 'application/json', 'schema') });
    validators.set(key, validate);
  }
  if (validate(body)) return undefined;
  return `${where}, not as its contract says: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
};

/** Collects the violations of every answer a test app sends; the test app reports them. */
export const createContractRecorder = () => {
  const violations: string[] = [];
  return {
    observe: (answer: ObservedAnswer) => {
      const violation = contractViolation(answer);
      if (violation) violations.push(violation);
    },
    /** The violations since the last call. */
    take: (): string[] => violations.splice(0),
  };
};
