/**
 * `npm run import -- FILE`: loads a JSON Lines catalog (one title per line, each with its
 * `copies`) into the table. Bad lines are reported by number; the others are imported.
 * Targets the local stack by default (DYNAMODB_ENDPOINT, TABLE_NAME=library); with
 * `--aws` it uses the AWS credentials and region of the environment and TABLE_NAME.
 * Afterwards the search index is rebuilt (locally here; in AWS run the search-index job).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../functions/common/clock.js';
import { readConfig } from '../functions/common/config.js';
import { createLogger } from '../functions/common/logger.js';
import { createTokenService } from '../functions/common/tokens.js';
import { createDb } from '../functions/store/db.js';
import { createStore } from '../functions/store/index.js';
import { searchIndexJob } from '../functions/jobs/search-index.js';
import { unlimitedBudget } from '../functions/jobs/run-job.js';
import { importCatalogLines } from '../functions/use-cases/import-catalog.js';
import { localCredentials, localRegion } from '../lib/local/dynamodb-local.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { aws: { type: 'boolean', default: false } } });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run import -- FILE.jsonl [--aws]');
  process.exit(2);
}

const tableName = process.env.TABLE_NAME ?? 'library';
const db = values.aws
  ? createDb(tableName)
  : createDb(tableName, { endpoint: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000', region: localRegion, credentials: localCredentials });
const store = createStore(db);
const report = await importCatalogLines({ store }, readFileSync(file, 'utf8'));
console.log(JSON.stringify(report, null, 2));
if (report.titles > 0 && !values.aws) {
  const deps = {
    config: readConfig({ ...process.env, TABLE_NAME: tableName }),
    clock: systemClock,
    store,
    events: { publish: async () => undefined },
    logger: createLogger('import', 'WARN'),
    tokens: createTokenService({}, systemClock),
  };
  const rebuilt = await searchIndexJob(systemClock.now(), deps, { job: 'search-index', trigger: 'manual', runId: 'import', budget: unlimitedBudget });
  console.log(JSON.stringify({ searchIndex: rebuilt }));
}
process.exit(report.rejectedLines.length > 0 ? 1 : 0);
