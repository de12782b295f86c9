import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as sesEmulator from 'aws-ses-v2-local';

type StartEmulator = (config: { host: string; port: number }) => Promise<Server>;
// A CommonJS module with `exports.default`: loaders disagree on how deep that lands.
const interop = sesEmulator as unknown as { default: StartEmulator | { default: StartEmulator } };
const startSesEmulator: StartEmulator = typeof interop.default === 'function' ? interop.default : interop.default.default;

/** The SES emulator (aws-ses-v2-local) in-process: the API and its mail viewer on one port. */
export interface SesLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export const startSesLocal = async (port: number, host = '127.0.0.1'): Promise<SesLocal> => {
  const server: Server = await startSesEmulator({ host, port });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${host}:${actualPort}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
