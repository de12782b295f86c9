/**
 * `npm run bench`: measured figures as one JSON object on stdout. Not a test: nothing here
 * passes or fails; each figure comes with a baseline measured in the same run.
 */
import { benchAccountCalls } from './account-calls.js';
import { benchBundleSizes } from './bundle-sizes.js';
import { benchHoldCalls } from './hold-calls.js';
import { benchNoticeThroughput } from './notice-throughput.js';
import { benchPatronImport } from './patron-import.js';
import { benchRegistrationThroughput } from './registration-throughput.js';
import { benchSearch } from './search.js';
import { benchWebLoad } from './web-load.js';
import { startBenchEnvironment } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const main = async () => {
  const startedAt = new Date().toISOString();
  const bundles = await benchBundleSizes();
  const env = await startBenchEnvironment();
  try {
    const web = await benchWebLoad(env);
    const accountCalls = await benchAccountCalls(env);
    const holdCalls = await benchHoldCalls(env);
    const registration = await benchRegistrationThroughput(env);
    const notices = await benchNoticeThroughput(env);
    const patronImport = await benchPatronImport(env);
    const report = {
      startedAt,
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      bundles,
      web,
      accountCalls,
      holdCalls,
      registration,
      notices,
      patronImport,
      search: await benchSearch(),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await env.stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
