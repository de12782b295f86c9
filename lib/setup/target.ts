import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDb, type Db } from '../../functions/store/db.js';
import { ensureTable } from '../local/create-table.js';
import { localCredentials, localRegion } from '../local/dynamodb-local.js';

/** Where `npm run setup` writes: the local stack's table, or a deployed stack's. */
export type SetupTarget =
  | { readonly kind: 'local'; readonly endpoint: string; readonly tableName: string }
  | { readonly kind: 'aws'; readonly stackName: string; readonly region?: string };

/** The stack output that names the table (lib/cloud/stack.ts). */
export const TABLE_OUTPUT = 'TableName';

/**
 * The table name a deployed stack reports in its outputs: never a guessed name, so setup
 * cannot write into a table of another stack.
 */
export const tableOfStack = async (stackName: string, cloudFormation: Pick<CloudFormationClient, 'send'>): Promise<string> => {
  const { Stacks = [] } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const output = Stacks[0]?.Outputs?.find((o) => o.OutputKey === TABLE_OUTPUT)?.OutputValue;
  if (!output) throw new Error(`stack ${stackName} has no output ${TABLE_OUTPUT}: is it this service's stack, deployed with cdk deploy?`);
  return output;
};

/** Opens the target's table; the local one is created (as `npm start` would) if it is missing. */
export const openTarget = async (target: SetupTarget): Promise<{ db: Db; tableName: string }> => {
  if (target.kind === 'local') {
    const client = new DynamoDBClient({ endpoint: target.endpoint, region: localRegion, credentials: localCredentials });
    await ensureTable(client, target.tableName);
    client.destroy();
    const db = createDb(target.tableName, { endpoint: target.endpoint, region: localRegion, credentials: localCredentials });
    return { db, tableName: target.tableName };
  }
  const cloudFormation = new CloudFormationClient(target.region ? { region: target.region } : {});
  const tableName = await tableOfStack(target.stackName, cloudFormation);
  cloudFormation.destroy();
  return { db: createDb(tableName, target.region ? { region: target.region } : {}), tableName };
};
