import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePortCandidate, listeningPortsOf, portTakenMessage } from './ports.js';

/**
 * DynamoDB Local, AWS's own engine: the jar shipped in the npm package
 * amplify-dynamodb-simulator, run with this machine's Java (≥ 17). We never `require` that
 * package (its launcher wants an Amplify CLI install); we only locate its files.
 */
export interface DynamoDbLocal {
  readonly endpoint: string;
  /** The port it listens on (the one it was given, or the one found for port 0). */
  readonly port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /**
   * 0 = any free port. The jar itself refuses `-port 0` ("Port number must lie between 1 and
   * 65535") and does not report a port, so for 0 we take a port the OS handed out a moment
   * ago, then make sure the server that answers on it is our child (its listening sockets
   * in /proc on Linux) and that it did not fail to bind; if another process got the port
   * first we try another one. Where /proc cannot be read only the bind failure is detected.
   */
  readonly port: number;
  /** Folder for the data files; omit for an in-memory, throwaway store. */
  readonly dataDir?: string;
}

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const localRegion = 'ap-northeast-1';

export const javaProblem = (): string | undefined => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) return 'Java was not found. Install Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`).';
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`)?.[1];
  if (version && Number(version) < 17) return `Java ${version} found; DynamoDB Local needs Java 17 or newer.`;
  return undefined;
};

const emulatorDir = (): string => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
};

/** The port could not be had (taken, or answered by another process): another may do. */
class PortLost extends Error {}

const waitUntilReady = async (endpoint: string, child: ChildProcess, bindFailed: () => boolean, timeoutMs: number) => {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      // A failed bind leaves the JVM running (Jetty's threads), so it is read from stderr.
      if (bindFailed()) throw new PortLost(`DynamoDB Local could not bind ${endpoint}`);
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        // Bounded: a process that accepts and never answers must not hold us here.
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
};

const startOn = async (port: number, storage: readonly string[]): Promise<DynamoDbLocal> => {
  const child = spawn('java', ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', '-port', String(port), '-sharedDb', ...storage], {
    cwd: emulatorDir(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let bindFailed = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    if (/BindException|Failed to bind/.test(stderr)) bindFailed = true;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      child.once('exit', () => resolveStop());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  try {
    // ~3 s on an idle machine; a loaded CI runner (or several test runs at once) can take far longer.
    await waitUntilReady(endpoint, child, () => bindFailed, 120_000);
    const owned = listeningPortsOf(child.pid as number);
    if (owned && !owned.includes(port)) throw new PortLost(`another process answers on ${endpoint}`);
  } catch (error) {
    child.kill('SIGKILL');
    if (error instanceof PortLost) throw error;
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { endpoint, port, stop };
};

export const startDynamoDbLocal = async ({ port, dataDir }: DynamoDbLocalOptions): Promise<DynamoDbLocal> => {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  const storage = dataDir ? ['-dbPath', resolve(dataDir)] : ['-inMemory'];
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  if (port !== 0) {
    try {
      return await startOn(port, storage);
    } catch (error) {
      if (error instanceof PortLost) throw new Error(portTakenMessage(port, 'DynamoDB Local'));
      throw error;
    }
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(await freePortCandidate(), storage);
    } catch (error) {
      if (!(error instanceof PortLost) || attempt === 5) throw error;
    }
  }
};
