/**
 * `npm run import -- [CATALOG.jsonl] [--patrons FILE] [--loans FILE] [--aws [--stack NAME]]`
 *
 * Migration from the old system, in this order: the catalog (JSON Lines, one title per line
 * with its `copies`), patrons and current loans (each JSON Lines or CSV with a header; `.csv`
 * by its name). Patron and loan files are streamed, with a progress line on stderr every
 * second; bad lines are reported by number with the reason and the others imported. Safe to
 * run twice: what is already in the table is left as it is and counted "already present".
 * Exit code 1 when a line was rejected.
 *
 * Targets the local stack by default (DYNAMODB_ENDPOINT, TABLE_NAME=library); with `--aws`
 * the AWS credentials and region of the environment, and the table and bus of `--stack`
 * (its outputs TableName and EventBusName) or TABLE_NAME / EVENT_BUS_NAME. Afterwards the
 * search index is rebuilt: here in the process locally, by the search-index job in AWS.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../functions/common/clock.js';
import { readConfig } from '../functions/common/config.js';
import { createEventBridgePublisher } from '../functions/common/events.js';
import { createLogger } from '../functions/common/logger.js';
import { noMetrics } from '../functions/common/metrics.js';
import { createTokenService } from '../functions/common/tokens.js';
import { createDb } from '../functions/store/db.js';
import { createStore, type Store } from '../functions/store/index.js';
import { searchIndexJob } from '../functions/jobs/search-index.js';
import { newRunId } from '../functions/jobs/run-id.js';
import { unlimitedBudget } from '../functions/jobs/run-job.js';
import { importCatalogLines } from '../functions/use-cases/import-catalog.js';
import { loanImporter } from '../functions/use-cases/import-loans.js';
import { patronImporter } from '../functions/use-cases/import-patrons.js';
import { events, type JobInvocation } from '../functions/wiring.js';
import { formatOf } from '../lib/import/read-rows.js';
import { runImport } from '../lib/import/run-import.js';
import { stackOutputs } from '../lib/import/stack-outputs.js';
import { localCredentials, localRegion } from '../lib/local/dynamodb-local.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    aws: { type: 'boolean', default: false },
    stack: { type: 'string' },
    patrons: { type: 'string' },
    loans: { type: 'string' },
  },
});
const catalogFile = positionals[0];
if (!catalogFile && !values.patrons && !values.loans) {
  console.error('usage: npm run import -- [CATALOG.jsonl] [--patrons FILE.csv|.jsonl] [--loans FILE.csv|.jsonl] [--aws [--stack NAME]]');
  process.exit(2);
}

if (values.stack && !values.aws) {
  console.error('--stack names a deployed stack: use it with --aws');
  process.exit(2);
}

const outputs = values.aws && values.stack ? await stackOutputs(values.stack) : {};
const tableName = outputs.TableName ?? process.env.TABLE_NAME ?? 'library';
const busName = outputs.EventBusName ?? process.env.EVENT_BUS_NAME;
const db = values.aws
  ? createDb(tableName)
  : createDb(tableName, { endpoint: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000', region: localRegion, credentials: localCredentials });
const store = createStore(db);
const deps = { store, clock: systemClock };
let changed = 0;
let rejected = 0;

if (catalogFile) {
  const report = await importCatalogLines({ store }, readFileSync(catalogFile, 'utf8'));
  console.log(JSON.stringify({ catalog: report }, null, 2));
  changed += report.titles;
  rejected += report.rejectedLines.length;
}
for (const [label, file, importer] of [
  ['patrons', values.patrons, patronImporter],
  ['loans', values.loans, loanImporter],
] as const) {
  if (!file) continue;
  const report = await runImport(createReadStream(file), importer(deps), { label, format: formatOf(file), log: process.stderr });
  console.log(JSON.stringify({ [label]: report }, null, 2));
  changed += report.imported;
  rejected += report.rejected;
}

if (changed > 0) await rebuildSearchIndex(store);
process.exit(rejected > 0 ? 1 : 0);

/** As POST /admin/catalog/import does: in AWS the search-index job is asked over the bus. */
async function rebuildSearchIndex(target: Store): Promise<void> {
  const now = systemClock.now();
  if (values.aws) {
    if (!busName) {
      console.error('search index not rebuilt: no event bus (--stack NAME or EVENT_BUS_NAME); run the search-index job from the staff console');
      return;
    }
    const runId = newRunId(now);
    await target.jobRuns.request({ runId, job: 'search-index', trigger: 'manual', requestedAt: now.toISOString(), status: 'REQUESTED' }, now);
    const invocation: JobInvocation = { job: 'search-index', trigger: 'manual', runId };
    await createEventBridgePublisher(busName).publish(events.detailTypes.jobRunRequested, { ...invocation });
    console.log(JSON.stringify({ searchIndex: { requested: runId } }));
    return;
  }
  const jobDeps = {
    config: readConfig({ ...process.env, TABLE_NAME: tableName }),
    clock: systemClock,
    store: target,
    events: { publish: async () => undefined },
    logger: createLogger('import', 'WARN'),
    metrics: noMetrics,
    tokens: createTokenService({}, systemClock),
  };
  const rebuilt = await searchIndexJob(now, jobDeps, { job: 'search-index', trigger: 'manual', runId: 'import', budget: unlimitedBudget });
  console.log(JSON.stringify({ searchIndex: rebuilt }));
}
