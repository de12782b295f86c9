/**
 * `npm run setup -- --file setup/mito.json (--local | --aws --stack NAME)`: loads branches,
 * weekly hours and closed dates from the file and creates the first ADMIN account (SPEC 11).
 * Only what is missing is created, so running it again changes nothing. The password comes
 * from SETUP_ADMIN_PASSWORD or is asked on the terminal (not echoed); it is never printed.
 * See docs/operations.md, "Set up".
 */
import { parseArgs } from 'node:util';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { describeReport } from '../lib/setup/apply-setup.js';
import { promptPassword } from '../lib/setup/prompt-password.js';
import { runSetup } from '../lib/setup/run-setup.js';
import type { SetupTarget } from '../lib/setup/target.js';

const usage = `usage: npm run setup -- --file FILE --local [--endpoint URL] [--table NAME]
       npm run setup -- --file FILE --aws --stack STACK_NAME [--region REGION]`;

const { values: flags } = parseArgs({
  options: {
    file: { type: 'string' },
    local: { type: 'boolean', default: false },
    endpoint: { type: 'string' },
    table: { type: 'string' },
    aws: { type: 'boolean', default: false },
    stack: { type: 'string' },
    region: { type: 'string' },
  },
});

const targetFromFlags = (): SetupTarget => {
  const local = flags.local || flags.endpoint !== undefined;
  if (local === flags.aws) throw new Error(`choose one target, --local or --aws\n${usage}`);
  if (flags.aws) {
    if (!flags.stack) throw new Error(`--aws needs --stack (the table is read from the stack's outputs)\n${usage}`);
    if (flags.table) throw new Error('--table is for --local only: a deployed table is named by its stack');
    return { kind: 'aws', stackName: flags.stack, region: flags.region };
  }
  return {
    kind: 'local',
    endpoint: flags.endpoint ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
    tableName: flags.table ?? process.env.TABLE_NAME ?? 'library',
  };
};

const askTwice = async (): Promise<string> => {
  const first = await promptPassword('Password for the new ADMIN account: ');
  const second = await promptPassword('Again: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
};

const main = async () => {
  if (!flags.file) throw new Error(`--file is required\n${usage}`);
  const target = targetFromFlags();
  const { tableName, report } = await runSetup({
    target,
    file: flags.file,
    adminPassword: async () => process.env.SETUP_ADMIN_PASSWORD || askTwice(),
  });
  console.log([`setup of table ${tableName}:`, ...describeReport(report).map((line) => `  ${line}`)].join('\n'));
};

main().catch((error: Error) => {
  console.error(`setup failed: ${error.message}`);
  process.exit(1);
});
