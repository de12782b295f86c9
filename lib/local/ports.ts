import { createServer } from 'node:net';

/** Resolves when the port can be bound on the host; rejects with a readable reason if not. */
export const assertPortFree = (port: number, host: string, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already taken. Is another \`npm start\` running? Stop it, or choose another port.`
            : `Cannot use port ${port} (${what}): ${error.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
