import { buildOpenApiDocument } from '../../functions/contract/openapi.js';
import { renderApiMarkdown } from './api-markdown.js';

/** The generated contract files of docs/, by path, as `npm run contract` writes them. */
export const contractDocuments = (): Record<string, string> => {
  const openapi = buildOpenApiDocument();
  return {
    'docs/openapi.json': `${JSON.stringify(openapi, null, 2)}\n`,
    'docs/api.md': renderApiMarkdown(openapi),
  };
};
