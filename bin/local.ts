/**
 * `npm start`: the whole service on this machine, no AWS account needed.
 * DynamoDB Local (data kept in .local/ unless --memory), the SES emulator with its mail
 * viewer, the HTTP API, the local event bus and the scheduler on the local clock.
 * PORT, DYNAMODB_PORT and SES_PORT (default 3000, 8000, 8005) may be 0 for any free port;
 * the printed URLs then show the ports bound.
 * `npm run dev` (--dev) builds the web apps itself and then rebuilds them on change (open pages
 * reload), and reloads the handlers when functions/ changes, without a restart (lib/local/dev/).
 */
import { parseArgs } from 'node:util';
// This machine runs Node 20 (Lambda runs 22); the SDK's reminder about that is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { startDynamoDbLocal, javaProblem, type DynamoDbLocal } from '../lib/local/dynamodb-local.js';
import { startLocalServices, type LocalServices } from '../lib/local/local-services.js';
import { assertPortFree } from '../lib/local/ports.js';
import { startSesLocal, type SesLocal } from '../lib/local/ses-local.js';
import { localSigningKeys } from '../lib/local/signing-key.js';
import { demoCounterStaffId, demoPatron, demoStaffId } from '../lib/local/demo-branches.js';
import { startDevLoop } from '../lib/local/dev/dev-loop.js';
import { createLiveReload } from '../lib/local/dev/live-reload.js';
import { buildWeb } from './build-web.js';

const { values: flags } = parseArgs({ options: { memory: { type: 'boolean', default: false }, dev: { type: 'boolean', default: false } } });
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const dynamodbPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const sesPort = Number(process.env.SES_PORT ?? 8005);
const staffPassword = process.env.LOCAL_STAFF_PASSWORD ?? 'admin';
const dataDir = process.env.LOCAL_DATA_DIR ?? '.local';
const demoCatalogTitles = Number(process.env.DEMO_CATALOG_TITLES ?? 2000);

const main = async () => {
  const java = javaProblem();
  if (java) throw new Error(java);
  // A fixed port that is taken is named before anything starts; 0 means any free port, and
  // the URLs printed below carry the ports actually bound (tests read them from there).
  if (port !== 0) await assertPortFree(port, host, 'HTTP API');
  if (dynamodbPort !== 0) await assertPortFree(dynamodbPort, '127.0.0.1', 'DynamoDB Local');
  if (sesPort !== 0) await assertPortFree(sesPort, '127.0.0.1', 'SES emulator');

  let dynamodb: DynamoDbLocal | undefined;
  let ses: SesLocal | undefined;
  let services: LocalServices | undefined;
  let devLoop: { close(): Promise<void> } | undefined;
  const liveReload = flags.dev ? createLiveReload() : undefined;
  const devLog = (line: string) => console.log(`[dev ${new Date().toTimeString().slice(0, 8)}] ${line}`);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    liveReload?.close(); // its open event streams would keep the HTTP server from closing
    await services?.stop().catch(() => undefined);
    await devLoop?.close().catch(() => undefined);
    await ses?.stop().catch(() => undefined);
    await dynamodb?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    if (flags.dev) {
      // Not fatal here: the stack starts, and the first edit that builds brings the apps.
      const started = performance.now();
      await buildWeb().then(
        () => devLog(`web/ built in ${Math.round(performance.now() - started)} ms`),
        (error: Error) => devLog(`web/ does not build yet, fix it and save:\n${error.message}`),
      );
    }
    dynamodb = await startDynamoDbLocal({ port: dynamodbPort, dataDir: flags.memory ? undefined : `${dataDir}/dynamodb` });
    ses = await startSesLocal(sesPort);
    services = await startLocalServices({
      dynamodbEndpoint: dynamodb.endpoint,
      sesEndpoint: ses.endpoint,
      tableName: process.env.TABLE_NAME ?? 'library',
      host,
      port,
      signingKeys: localSigningKeys(flags.memory ? undefined : dataDir),
      staffPassword,
      tick: true,
      demoCatalogTitles,
      webRoot: 'web/dist',
      dev: liveReload,
    });
    if (liveReload) devLoop = await startDevLoop({ root: process.cwd(), services, liveReload, buildWeb, log: devLog });
  } catch (error) {
    console.error(`npm ${flags.dev ? 'run dev' : 'start'} failed: ${(error as Error).message}`);
    await stop(1);
    return;
  }

  const url = services.api.url;
  console.log(
    [
      '',
      '図書館インターネット予約サービス — running locally',
      `  Patron app     ${url}/`,
      `  Staff console  ${url}/staff/`,
      `  API            ${url}  (try ${url}/api/branches)`,
      `  Mail viewer    ${ses.endpoint}  (sent mail as JSON: ${ses.endpoint}/store)`,
      `  DynamoDB Local ${dynamodb.endpoint}  (${flags.memory ? 'in memory' : `data in ${dataDir}/dynamodb`})`,
      `  Demo data      ${services.seed === 'seeded' ? 'loaded now' : 'already loaded'}`,
      '',
      `  Patron login   POST ${url}/api/login  {"cardNumber":"${demoPatron.cardNumber}","password":"0401"}`,
      `  Staff login    POST ${url}/admin/login {"staffId":"${demoStaffId}","password":"${process.env.LOCAL_STAFF_PASSWORD ? '<LOCAL_STAFF_PASSWORD>' : staffPassword}"}`,
      `  Counter staff  "${demoCounterStaffId}" (role COUNTER), same password`,
      `  Move the clock PUT  ${url}/admin/local/clock {"now":"2026-12-01T07:05:00+09:00"}  ({"now":null} = real time)`,
      '',
      ...(flags.dev ? ['  Dev mode       web/ is rebuilt on change (open pages reload); functions/ is reloaded without a restart', ''] : []),
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
};

void main();
