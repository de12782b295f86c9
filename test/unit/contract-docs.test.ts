import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractDocuments } from '../../lib/contract/documents.js';

describe('the contract documents in docs/ (issue 13)', () => {
  it.each(Object.entries(contractDocuments()))('%s is what the code declares (run `npm run contract` after a change)', (path, generated) => {
    expect(readFileSync(path, 'utf8') === generated, `${path} is stale: run npm run contract`).toBe(true);
  });
});
