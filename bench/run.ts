/**
 * `npm run bench`: measured figures as one JSON object on stdout. Not a test: nothing here
 * passes or fails; each figure comes with a baseline measured in the same run.
 * `npm run bench -- --only estimatedWait,search` (or `--only=search`) runs just the named
 * parts. Besides the details, `summary` has the same keys in every run (bench/summary.ts).
 */
import { benchAccountCalls } from './account-calls.js';
import { benchBundleSizes } from './bundle-sizes.js';
import { benchCapacity } from './capacity.js';
import { benchColdStart } from './cold-start.js';
import { benchEstimatedWait } from './estimated-wait.js';
import { benchHoldCalls } from './hold-calls.js';
import { benchNoticeThroughput } from './notice-throughput.js';
import { benchPatronImport } from './patron-import.js';
import { benchPullList } from './pull-list.js';
import { benchRegistrationThroughput } from './registration-throughput.js';
import { benchSearch } from './search.js';
import { benchWebLoad } from './web-load.js';
import { benchSummary } from './summary.js';
import { startBenchEnvironment, type BenchEnvironment } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The parts in report order; those given the environment need the local stack. */
const parts: Record<string, (env: BenchEnvironment) => unknown> = {
  web: benchWebLoad,
  accountCalls: benchAccountCalls,
  holdCalls: benchHoldCalls,
  registration: benchRegistrationThroughput,
  pullList: benchPullList,
  notices: benchNoticeThroughput,
  patronImport: benchPatronImport,
};
/** Parts that need no local stack. */
const standalone = ['bundles', 'coldStart', 'search', 'estimatedWait', 'capacity'];

const selected = (() => {
  const inline = process.argv.find((arg) => arg.startsWith('--only='));
  const at = process.argv.indexOf('--only');
  const names = inline ? inline.slice('--only='.length) : at >= 0 ? (process.argv[at + 1] ?? '') : undefined;
  return names === undefined ? undefined : new Set(names.split(',').filter(Boolean));
})();
const wanted = (name: string) => !selected || selected.has(name);

const main = async () => {
  const unknown = [...(selected ?? [])].filter((name) => !(name in parts) && !standalone.includes(name));
  if (unknown.length > 0) throw new Error(`unknown bench parts: ${unknown.join(', ')}; known: ${[...standalone, ...Object.keys(parts)].join(', ')}`);
  const startedAt = new Date().toISOString();
  const report: Record<string, unknown> = { startedAt, machine: { node: process.version, cpus: (await import('node:os')).cpus().length } };
  if (wanted('bundles')) report.bundles = await benchBundleSizes();
  if (wanted('coldStart')) report.coldStart = await benchColdStart();
  const envParts = Object.entries(parts).filter(([name]) => wanted(name));
  if (envParts.length > 0) {
    const env = await startBenchEnvironment();
    try {
      for (const [name, run] of envParts) report[name] = await run(env);
    } finally {
      await env.stop();
    }
  }
  if (wanted('search')) report.search = await benchSearch();
  if (wanted('estimatedWait')) report.estimatedWait = benchEstimatedWait();
  // Its own fresh local stack: the parts above leave thousands of holds in theirs.
  if (wanted('capacity')) report.capacity = await benchCapacity();
  process.stdout.write(`${JSON.stringify({ summary: benchSummary(report), ...report }, null, 2)}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
