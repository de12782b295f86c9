/**
 * npm run contract: writes the generated contract documents to docs/ (openapi.json and its
 * readable rendering api.md). test/unit/contract-docs.test.ts fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { contractDocuments } from '../lib/contract/documents.js';

for (const [path, text] of Object.entries(contractDocuments())) {
  writeFileSync(path, text);
  console.log(`wrote ${path} (${text.length} characters)`);
}
