import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../lib/local/dynamodb-local.js';
import { startSesLocal } from '../../lib/local/ses-local.js';
import { buildWeb } from '../../bin/build-web.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One per vitest worker: see `dynamodbEndpoint()` in test/support/dynamodb-endpoint.ts. */
    dynamodbEndpoints: string[];
    sesEndpoint: string;
  }
}

/** vitest.config.mts runs this many files at once; each worker gets a DynamoDB Local of its own. */
const WORKERS = 2;

/**
 * One DynamoDB Local (in memory) per worker and one SES emulator for the whole run, each on
 * a port it was given by the OS (port 0; see lib/local/dynamodb-local.ts for how DynamoDB
 * Local, which cannot bind 0 itself, gets one); each test file uses its own table. One
 * DynamoDB Local serves its requests one at a time, so a heavy file on the other worker
 * would otherwise slow every request of this one.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // The browser apps are served from web/dist by the local stack, as `npm start` does.
  const [ses, ...dynamodbs] = await Promise.all([
    startSesLocal(0),
    ...Array.from({ length: WORKERS }, () => startDynamoDbLocal({ port: 0 })),
    buildWeb().then(() => undefined),
  ]);
  const engines = dynamodbs.filter((d) => d !== undefined);
  project.provide(
    'dynamodbEndpoints',
    engines.map((d) => d.endpoint),
  );
  project.provide('sesEndpoint', ses!.endpoint);
  return async () => {
    await Promise.all([...engines.map((d) => d.stop()), ses!.stop()]);
  };
}
