import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SigningKeys } from '../../functions/common/tokens.js';

/** One local token-signing key, kept in `file` (mode 0600, created on first start) so tokens survive a restart. */
export const localSigningKey = (file: string | undefined): Uint8Array => {
  if (!file) return randomBytes(48);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
};

/**
 * The local stack's two independent keys, one per audience (decision 011), in
 * `{dataDir}/signing-key-patron` and `{dataDir}/signing-key-staff`; both random when `dataDir`
 * is undefined (`npm start -- --memory`).
 */
export const localSigningKeys = (dataDir: string | undefined): Required<SigningKeys> => ({
  patron: localSigningKey(dataDir === undefined ? undefined : `${dataDir}/signing-key-patron`),
  staff: localSigningKey(dataDir === undefined ? undefined : `${dataDir}/signing-key-staff`),
});
