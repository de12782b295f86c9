import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { functionGroups, type FunctionGroupName } from '../functions/wiring.js';
import { lambdaOptions } from './bundle-sizes.js';

const run = promisify(execFile);

/**
 * Runs per bundle; medians are reported. Rounds interleave the bundles, and a ratio is the median
 * of each round's ratio to that round's baseline run, so the load of a shared machine, which
 * drifts, weighs on both sides of every ratio alike.
 */
const RUNS = 9;
/** What the issue asks of every function (12.5): init at most this many times the GetItem-only handler's. */
const GOAL_RATIO = 1.5;

/** The floor of any function here: one client and one command, no handler code. */
const baselineSource =
  "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';" +
  'const client = new DynamoDBClient({});' +
  'export const handler = (event) => client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: event }));';

/**
 * Measures, in the fresh process, the import of the bundle: module evaluation and any top-level
 * `await` (its clients), i.e. all a Lambda cold start runs before the runtime asks for the first
 * request. The API functions' secrets are fetched on the next turn of the event loop
 * (functions/common/prefetch.ts), after this measure: a cold first request waits for them.
 */
const runnerSource = `
const started = performance.now();
const cpu = process.cpuUsage();
const module = await import(process.argv[2]);
const { user, system } = process.cpuUsage(cpu);
const wallMs = performance.now() - started;
if (typeof module.handler !== 'function') throw new Error('no handler exported');
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (user + system) / 1000 }));
process.exit(0);
`;

/**
 * Answers every request like Secrets Manager's GetSecretValue: the API functions fetch their
 * signing keys and origin secret right after init (functions/common/prefetch.ts), and fetched
 * during it until decision 018's second step; `withoutSecrets` shows none of it is left in init.
 */
const startSecretsStub = async (): Promise<Server> => {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      response.end(JSON.stringify({ Name: 'stub', SecretString: 'a-signing-key-of-thirty-two-bytes!' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

/** The environment the CDK stack gives each function (lib/cloud/group-function.ts), with stub values. */
const environmentOf = (name: FunctionGroupName | 'baseline', secretsEndpoint: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TABLE_NAME: 'library',
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: 'AKIDCOLDSTART',
    AWS_SECRET_ACCESS_KEY: 'cold-start-bench',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    LOG_LEVEL: 'INFO',
    POWERTOOLS_SERVICE_NAME: name,
  };
  if (name === 'baseline') return env;
  const { permissions } = functionGroups[name];
  const arn = (secret: string) => `arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:${secret}`;
  for (const audience of 'signingKeys' in permissions ? permissions.signingKeys : []) {
    env[`${audience.toUpperCase()}_SIGNING_KEY_SECRET_ARN`] = arn(`${audience}-key`);
  }
  if (name.endsWith('-api')) env.ORIGIN_VERIFY_SECRET_ARN = arn('origin');
  if ('publishEvents' in permissions && permissions.publishEvents.length) env.EVENT_BUS_NAME = 'library';
  if ('sendMail' in permissions && permissions.sendMail) {
    Object.assign(env, {
      SES_IDENTITY: 'library-mito.jp',
      MAIL_FROM: 'central@library-mito.jp',
      MAIL_INQUIRY: 'chuou@library-mito.jp',
      MAIL_CONFIGURATION_SET: 'library',
    });
  }
  return env;
};

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const withoutSecrets = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(env).filter(([key]) => !key.endsWith('_SECRET_ARN')));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Issue 12.5: each function's init time in a fresh Node process, bundled as the stack bundles
 * it, against a GetItem-only handler bundled and measured in the same run.
 */
export const benchColdStart = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cold-start-'));
  const stub = await startSecretsStub();
  try {
    const runner = path.join(dir, 'runner.mjs');
    await writeFile(runner, runnerSource);
    const names = ['baseline', ...Object.keys(functionGroups)] as (FunctionGroupName | 'baseline')[];
    const bundles = new Map<string, { file: string; bytes: number }>();
    for (const name of names) {
      const file = path.join(dir, `${name}.mjs`);
      const source =
        name === 'baseline' ? { stdin: { contents: baselineSource, resolveDir: process.cwd(), loader: 'js' as const } } : { entryPoints: [functionGroups[name].entry] };
      const result = await build({ ...lambdaOptions, ...source, write: true, outfile: file, metafile: true });
      bundles.set(name, { file, bytes: Object.values(result.metafile.outputs)[0]?.bytes ?? 0 });
    }

    const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    // The API functions again without their secrets' ARNs: how much of their init is fetching them.
    const withSecrets = names.filter((name) => Object.keys(environmentOf(name, endpoint)).some((key) => key.endsWith('_SECRET_ARN')));
    const variants = [
      ...names.map((name) => ({ key: name, name, env: environmentOf(name, endpoint) })),
      ...withSecrets.map((name) => ({ key: `${name} without secrets`, name, env: withoutSecrets(environmentOf(name, endpoint)) })),
    ];
    const samples = new Map<string, Sample[]>(variants.map((v) => [v.key, []]));
    for (let round = 0; round < RUNS; round++) {
      for (const variant of variants) {
        const { stdout } = await run(process.execPath, [runner, bundles.get(variant.name)!.file], { env: variant.env, timeout: 60_000 });
        samples.get(variant.key)!.push(JSON.parse(stdout) as Sample);
      }
    }

    const figures = (name: string) => {
      const runs = samples.get(name)!;
      return { bundleBytes: bundles.get(name)!.bytes, initMs: median(runs.map((r) => r.cpuMs)), wallMs: median(runs.map((r) => r.wallMs)) };
    };
    const withoutSecretsMs = (name: string) => {
      const runs = samples.get(`${name} without secrets`);
      return runs ? median(runs.map((r) => r.cpuMs)) : undefined;
    };
    const baseline = figures('baseline');
    const baselineRuns = samples.get('baseline')!;
    const ratio = (key: string) => Number(median(samples.get(key)!.map((run, round) => run.cpuMs / baselineRuns[round]!.cpuMs)).toFixed(2));
    const functions: Record<string, { bundleBytes: number; initMs: number; wallMs: number; ratio: number; withoutSecretsMs?: number; withoutSecretsRatio?: number }> = {};
    for (const name of names.slice(1)) {
      const f = figures(name);
      const bare = withoutSecretsMs(name);
      functions[name] = {
        bundleBytes: f.bundleBytes,
        initMs: round1(f.initMs),
        wallMs: round1(f.wallMs),
        ratio: ratio(name),
        ...(bare === undefined ? {} : { withoutSecretsMs: round1(bare), withoutSecretsRatio: ratio(`${name} without secrets`) }),
      };
    }
    return {
      runsPerBundle: RUNS,
      goalRatio: GOAL_RATIO,
      measure:
        "initMs: median CPU time (user + system) of the bundle's import in a fresh process; ratio: median of each round's " +
        "CPU time over that round's GetItem-only run. The machine is shared, so wall time (wallMs) also counts other " +
        "processes' turns. withoutSecrets: the same bundle " +
        'without the ARNs of its signing keys and origin secret (fetched from a local stub right after init, so about equal)',
      baseline: {
        name: 'GetItem-only handler (DynamoDBClient + GetItemCommand)',
        bundleBytes: baseline.bundleBytes,
        initMs: round1(baseline.initMs),
        wallMs: round1(baseline.wallMs),
      },
      functions,
      initRatioMax: Math.max(...Object.values(functions).map((f) => f.ratio)),
    };
  } finally {
    stub.close();
    await rm(dir, { recursive: true, force: true });
  }
};
