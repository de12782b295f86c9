import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

/** Resolves when the port can be bound on the host; rejects with a readable reason if not. */
export const assertPortFree = (port: number, host: string, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? portTakenMessage(port, what) : `Cannot use port ${port} (${what}): ${error.message}`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });

export const portTakenMessage = (port: number, what: string): string =>
  `Port ${port} (${what}) is already taken. Is another \`npm start\` running? Stop it, or choose another port.`;

/**
 * A port the OS handed out a moment ago, on every interface, now closed again. Racy by nature
 * (another process may take it before we use it): only for a child that cannot bind port 0
 * itself (DynamoDB Local); callers check they got it and try again if not.
 */
export const freePortCandidate = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const listeningInodes = (table: string): Map<string, number> => {
  const byInode = new Map<string, number>();
  let text: string;
  try {
    text = readFileSync(table, 'utf8');
  } catch {
    return byInode;
  }
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // sl local_address rem_address st … inode; st 0A = LISTEN
    if (fields.length < 10 || fields[3] !== '0A') continue;
    const port = Number.parseInt(fields[1]?.split(':').pop() ?? '', 16);
    if (Number.isFinite(port)) byInode.set(fields[9] as string, port);
  }
  return byInode;
};

/**
 * The TCP ports a process listens on, read from /proc (Linux); undefined where that cannot
 * be known (another OS, or /proc not readable). Tells whether the server answering on a
 * port is our child or some other process that got there first.
 */
export const listeningPortsOf = (pid: number): number[] | undefined => {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  const listening = new Map([...listeningInodes(`/proc/${pid}/net/tcp`), ...listeningInodes(`/proc/${pid}/net/tcp6`)]);
  const ports = new Set<number>();
  for (const fd of fds) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    const port = inode === undefined ? undefined : listening.get(inode);
    if (port !== undefined) ports.add(port);
  }
  return [...ports];
};
