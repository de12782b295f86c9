import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LibraryEdgeStack } from './edge.js';
import { projectRoot } from './functions.js';
import type { DmarcPolicy } from './mail.js';
import { LibraryStack, type MailSettings } from './stack.js';

export const stackName = 'LibraryStack';
/** The web ACL's stack, in us-east-1 (decision 012); `cdk deploy LibraryStack` deploys it first. */
export const edgeStackName = 'LibraryEdgeStack';

/** cdk.json's context, for running the app without the CLI (which reads it itself). */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

const requiredContext = (app: App, key: string): string => {
  const value: unknown = app.node.tryGetContext(key);
  if (typeof value !== 'string' || value === '') throw new Error(`CDK context "${key}" is required (see cdk.json)`);
  return value;
};

const optionalContext = (app: App, key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** SPEC 10.4 contexts: `mailFromSubdomain`, `dmarcPolicy`, and `hostedZoneId` with `hostedZoneName` together. */
const mailDeliverabilityContext = (app: App): Partial<MailSettings> => {
  const mailFromSubdomain = optionalContext(app, 'mailFromSubdomain');
  const dmarcPolicy = optionalContext(app, 'dmarcPolicy');
  if (dmarcPolicy !== undefined && !['none', 'quarantine', 'reject'].includes(dmarcPolicy)) {
    throw new Error('CDK context "dmarcPolicy" must be none, quarantine or reject');
  }
  const zoneId = optionalContext(app, 'hostedZoneId');
  const zoneName = optionalContext(app, 'hostedZoneName');
  if ((zoneId === undefined) !== (zoneName === undefined)) throw new Error('CDK contexts "hostedZoneId" and "hostedZoneName" go together');
  return {
    ...(mailFromSubdomain ? { mailFromSubdomain } : {}),
    ...(dmarcPolicy ? { dmarcPolicy: dmarcPolicy as DmarcPolicy } : {}),
    ...(zoneId && zoneName ? { hostedZone: { id: zoneId, name: zoneName } } : {}),
  };
};

/**
 * The CDK app: the service's stack in the region of context `region`, the web ACL's stack in
 * us-east-1, and cdk-nag's AWS Solutions checks, which fail synthesis on any finding not
 * acknowledged with a reason. bin/app.ts runs it for the CLI; tests call it directly (pass
 * cdk.json's context, which only the CLI reads by itself).
 */
export const buildApp = (props: AppProps = {}): { app: App; stack: LibraryStack; edge: LibraryEdgeStack } => {
  const app = new App(props);
  const mail: MailSettings = {
    from: requiredContext(app, 'mailFrom'),
    inquiry: requiredContext(app, 'mailInquiry'),
    identity: requiredContext(app, 'sesIdentity'),
    ...mailDeliverabilityContext(app),
  };
  const edge = new LibraryEdgeStack(app, edgeStackName, {
    description: 'Library internet reservation service: the web ACL in front of its CloudFront distribution',
  });
  const stack = new LibraryStack(app, stackName, {
    description: 'Library internet reservation service',
    mail,
    // The region comes from cdk.json (a cross-region reference needs it known at synthesis), not
    // from the deploying profile, so the template does not depend on the machine that ran
    // `cdk synth`. The account stays the deploying profile's.
    env: { region: requiredContext(app, 'region') },
    webAclArn: edge.webAclArn,
    ...(typeof app.node.tryGetContext('alarmEmail') === 'string' ? { alarmEmail: app.node.tryGetContext('alarmEmail') as string } : {}),
    ...(typeof app.node.tryGetContext('libraryName') === 'string' ? { libraryName: app.node.tryGetContext('libraryName') as string } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, edge };
};
