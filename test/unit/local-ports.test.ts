import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortFree, freePortCandidate, listeningPortsOf } from '../../lib/local/ports.js';

const listen = (port: number, host = '127.0.0.1') =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
const portOf = (server: Server) => (server.address() as { port: number }).port;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('local ports (npm start with port 0; DynamoDB Local, which cannot bind 0, checked through /proc)', () => {
  const open: Server[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map(close));
  });

  it.runIf(process.platform === 'linux')('listeningPortsOf names the ports a process listens on, and only while it does', async () => {
    const server = await listen(0);
    const port = portOf(server);
    expect(listeningPortsOf(process.pid)).toContain(port);
    await close(server);
    expect(listeningPortsOf(process.pid)).not.toContain(port);
  });

  it('listeningPortsOf is undefined for a process it cannot see', () => {
    expect(listeningPortsOf(2 ** 22 + 1)).toBeUndefined();
  });

  it('a fixed port that is taken is named with the service', async () => {
    const server = await listen(0);
    open.push(server);
    await expect(assertPortFree(portOf(server), '127.0.0.1', 'HTTP API')).rejects.toThrow(
      `Port ${portOf(server)} (HTTP API) is already taken. Is another \`npm start\` running? Stop it, or choose another port.`,
    );
  });

  it('freePortCandidate hands out a port that can be bound at once', async () => {
    const port = await freePortCandidate();
    expect(port).toBeGreaterThan(0);
    open.push(await listen(port, '0.0.0.0'));
  });
});
