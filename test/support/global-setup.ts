import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../lib/local/dynamodb-local.js';
import { startSesLocal } from '../../lib/local/ses-local.js';
import { buildWeb } from '../../bin/build-web.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
  }
}

/**
 * One DynamoDB Local (in memory) and one SES emulator for the whole run, each on a port it
 * was given by the OS (port 0; see lib/local/dynamodb-local.ts for how DynamoDB Local, which
 * cannot bind 0 itself, gets one); each test file uses its own table.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // The browser apps are served from web/dist by the local stack, as `npm start` does.
  const [dynamodb, ses] = await Promise.all([startDynamoDbLocal({ port: 0 }), startSesLocal(0), buildWeb()]);
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return async () => {
    await Promise.all([dynamodb.stop(), ses.stop()]);
  };
}
