import { createServer } from 'node:net';

/**
 * A port that was free a moment ago on 127.0.0.1: racy, another process may take it first.
 * Prefer port 0 and ask the server which port it got (startSesLocal(0), startHttpApi,
 * startDynamoDbLocal({ port: 0 }), `PORT=0 npm start`). Kept for callers outside the tests.
 */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
