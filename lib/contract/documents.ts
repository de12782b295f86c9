import { buildAsyncApiDocument } from '../../functions/contract/asyncapi.js';
import { buildOpenApiDocument } from '../../functions/contract/openapi.js';
import { renderApiMarkdown, renderEventsMarkdown } from './api-markdown.js';

/** The generated contract files of docs/ (HTTP API and events), by path, as `npm run contract` writes them. */
export const contractDocuments = (): Record<string, string> => {
  const openapi = buildOpenApiDocument();
  const asyncapi = buildAsyncApiDocument();
  return {
    'docs/openapi.json': `${JSON.stringify(openapi, null, 2)}\n`,
    'docs/api.md': `${renderApiMarkdown(openapi)}\n${renderEventsMarkdown(asyncapi)}`,
    'docs/asyncapi.json': `${JSON.stringify(asyncapi, null, 2)}\n`,
  };
};
