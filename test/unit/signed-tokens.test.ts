import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/common/config.js';
import { signedTokens } from '../../functions/entry/signed-tokens.js';

/**
 * The deployed functions' token service (functions/entry/signed-tokens.ts) against a local
 * stand-in for Secrets Manager's GetSecretValue: its keys are fetched outside the function's
 * init (issue 12.5) and a key that cannot be read fails the request that needs it, every time
 * until it can be read, instead of being remembered as missing.
 */
const PATRON_ARN = 'arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:patron-key';
const KEY = 'k'.repeat(64);

let server: Server;
let asked: string[] = [];
let refuse = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      asked.push((JSON.parse(body) as { SecretId: string }).SecretId);
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (refuse) {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized to perform secretsmanager:GetSecretValue' }));
        return;
      }
      response.end(JSON.stringify({ Name: 'patron-key', SecretString: KEY }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: 'AKIDSIGNEDTOKENS',
    AWS_SECRET_ACCESS_KEY: 'signed-tokens-test',
  });
});
afterAll(() => server.close());

const config = () => readConfig({ TABLE_NAME: 'unused', PATRON_SIGNING_KEY_SECRET_ARN: PATRON_ARN });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const patron = { role: 'patron', subject: '10000001', credentialVersion: 1, passwordIsInitial: false } as const;

describe('signing keys from Secrets Manager (issue 12.5, decision 011)', () => {
  it('are not fetched during the cold start, then fetched once and used to sign and verify', async () => {
    asked = [];
    refuse = false;
    const tokens = signedTokens(config());
    expect(asked).toEqual([]);
    await nextTurn();
    const { token } = await tokens.issue(patron, 30);
    expect(await tokens.verify(token, 'patron')).toEqual({ kind: 'valid', principal: patron });
    expect(asked).toEqual([PATRON_ARN]);
  });

  it('a key that cannot be read fails each request that needs it, and a later one succeeds once it can be read', async () => {
    asked = [];
    refuse = true;
    const tokens = signedTokens(config());
    await expect(tokens.issue(patron, 30)).rejects.toThrow(/not authorized/);
    await expect(tokens.verify('a.b.c', 'patron')).rejects.toThrow(/not authorized/);
    refuse = false;
    const { token } = await tokens.issue(patron, 30);
    expect((await tokens.verify(token, 'patron')).kind).toBe('valid');
  });
});
