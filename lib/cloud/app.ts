import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './functions.js';
import { LibraryStack, type MailSettings } from './stack.js';

export const stackName = 'LibraryStack';

/** cdk.json's context, for running the app without the CLI (which reads it itself). */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

const requiredContext = (app: App, key: string): string => {
  const value: unknown = app.node.tryGetContext(key);
  if (typeof value !== 'string' || value === '') throw new Error(`CDK context "${key}" is required (see cdk.json)`);
  return value;
};

/**
 * The CDK app: the stack plus cdk-nag's AWS Solutions checks, which fail synthesis on any
 * finding not acknowledged with a reason. bin/app.ts runs it for the CLI; tests call it
 * directly (pass cdk.json's context, which only the CLI reads by itself).
 */
export const buildApp = (props: AppProps = {}): { app: App; stack: LibraryStack } => {
  const app = new App(props);
  const mail: MailSettings = {
    from: requiredContext(app, 'mailFrom'),
    inquiry: requiredContext(app, 'mailInquiry'),
    identity: requiredContext(app, 'sesIdentity'),
  };
  const stack = new LibraryStack(app, stackName, {
    description: 'Library internet reservation service',
    mail,
    // Environment-agnostic: the deploying profile picks account and region, and the synthesized
    // template does not depend on the machine that ran `cdk synth`.
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};
