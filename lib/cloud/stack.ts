import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import path from 'node:path';
import { functionGroups, jobs, mailFeedback, type ApiGroupName, type FunctionGroupName, type JobName } from '../../functions/wiring.js';
import { LibraryApi } from './api.js';
import { JobDeadLetterQueue } from './dead-letter-queue.js';
import { JobAlarms } from './job-alarms.js';
import { JobRunRules, LibraryEventBus } from './events.js';
import { LibraryFunctions, projectRoot } from './functions.js';
import { MailFeedbackRouting, MailIdentity, type DmarcPolicy } from './mail.js';
import { OriginVerifySecret } from './origin-verify.js';
import { OutboxRelay } from './outbox-relay.js';
import { SigningKeySecret } from './secrets.js';
import { Observability } from './observability.js';
import { JobSchedules } from './schedules.js';
import { LibraryTable } from './table.js';
import { WebApps } from './web.js';

export interface MailSettings {
  /** From address of pickup notices. */
  readonly from: string;
  /** Inquiry address printed in notices. */
  readonly inquiry: string;
  /** SES identity (domain) mail is sent as. */
  readonly identity: string;
  /** SPEC 10.4: the custom MAIL FROM subdomain (default `mail`). */
  readonly mailFromSubdomain?: string;
  /** SPEC 10.4: the DMARC policy published (default `none`). */
  readonly dmarcPolicy?: DmarcPolicy;
  /** SPEC 10.4: the Route 53 zone of the mail domain, when the stack should create the records. */
  readonly hostedZone?: { readonly id: string; readonly name: string };
}

export interface LibraryStackProps extends StackProps {
  readonly mail: MailSettings;
  /** The web ACL for the distribution, from LibraryEdgeStack in us-east-1 (decision 012). */
  readonly webAclArn: string;
  /** Where alarms are mailed (context `alarmEmail`), if given. */
  readonly alarmEmail?: string;
  /** The library's name in the apps and mails (context `libraryName`; SPEC 11 `GET /api/config`). */
  readonly libraryName?: string;
}

/**
 * The service in the cloud, generated from functions/wiring.ts.
 * Stateful resources (data, keys, identities) live under `Stateful`; everything under
 * `Stateless` can be replaced or redeployed freely.
 */
export class LibraryStack extends Stack {
  constructor(scope: Construct, id: string, props: LibraryStackProps) {
    super(scope, id, props);
    // The web ACL's ARN comes from the us-east-1 stack as a weak reference (Fn::GetStackOutput),
    // read at each deployment; no export/import custom resources (decision 012).
    CrossStackReferences.of(this).consume(ReferenceStrength.WEAK);

    // --- Stateful ---------------------------------------------------------------------
    const stateful = new Construct(this, 'Stateful');
    const { table } = new LibraryTable(stateful, 'Data');
    const { bus } = new LibraryEventBus(stateful, 'Events');
    const signingKeys = {
      patron: new SigningKeySecret(stateful, 'PatronSigningKey', { audience: 'patron' }).secret,
      staff: new SigningKeySecret(stateful, 'StaffSigningKey', { audience: 'staff' }).secret,
    };
    const mailIdentity = new MailIdentity(stateful, 'Mail', {
      domain: props.mail.identity,
      dmarcReportTo: props.mail.inquiry,
      ...(props.mail.mailFromSubdomain ? { mailFromSubdomain: props.mail.mailFromSubdomain } : {}),
      ...(props.mail.dmarcPolicy ? { dmarcPolicy: props.mail.dmarcPolicy } : {}),
      ...(props.mail.hostedZone ? { hostedZone: props.mail.hostedZone } : {}),
    });
    const originVerify = new OriginVerifySecret(stateful, 'OriginVerify');

    // --- Stateless --------------------------------------------------------------------
    const stateless = new Construct(this, 'Stateless');
    const functions = new LibraryFunctions(stateless, 'Functions', {
      table,
      bus,
      signingKeys,
      mail: {
        identityArn: mailIdentity.identityArn,
        identity: props.mail.identity,
        from: props.mail.from,
        inquiry: props.mail.inquiry,
        configurationSetName: mailIdentity.configurationSet.configurationSetName,
        configurationSetArn: mailIdentity.configurationSetArn,
      },
      ...(props.libraryName ? { libraryName: props.libraryName } : {}),
    });
    // The API answers only what CloudFront forwards (and its web ACL let through): decision 012.
    functions.checkOrigin(originVerify.secret);

    const apiFunctions: Record<ApiGroupName, ReturnType<LibraryFunctions['fn']>> = {
      'public-api': functions.fn('public-api'),
      'patron-api': functions.fn('patron-api'),
      'staff-api': functions.fn('staff-api'),
    };
    const api = new LibraryApi(stateless, 'Api', { functions: apiFunctions });

    const jobFunctions = Object.fromEntries(jobs.map((job) => [job.name, functions.fn(job.group)])) as Record<JobName, ReturnType<LibraryFunctions['fn']>>;
    const { queue: deadLetterQueue } = new JobDeadLetterQueue(stateless, 'JobDeadLetters');
    new JobSchedules(stateless, 'Schedules', { jobFunctions, deadLetterQueue });
    new JobRunRules(stateless, 'RunNow', { bus, jobFunctions, deadLetterQueue });
    new MailFeedbackRouting(stateless, 'MailFeedback', {
      configurationSet: mailIdentity.configurationSet,
      bus,
      handler: functions.fn(mailFeedback.group),
      deadLetterQueue,
    });
    const { topic: alarmTopic } = new JobAlarms(stateless, 'Alarms', { jobFunctions, deadLetterQueue, alarmEmail: props.alarmEmail });
    new OutboxRelay(stateless, 'Outbox', { table, relay: functions.fn('outbox-relay'), alarmTopic });
    new Observability(stateless, 'Observability', {
      topic: alarmTopic,
      api: api.api,
      apiFunctions,
      functions: Object.fromEntries(Object.keys(functionGroups).map((name) => [name, functions.fn(name as FunctionGroupName)])) as Record<
        FunctionGroupName,
        ReturnType<LibraryFunctions['fn']>
      >,
      jobs: jobs.map((job) => job.name),
      deadLetterQueue,
    });

    // The apps and the API on one origin: the apps call /api and /admin without CORS.
    const web = new WebApps(stateless, 'Web', {
      webDist: path.join(projectRoot, 'web', 'dist'),
      apiDomainName: api.domainName,
      originVerify,
      webAclArn: props.webAclArn,
    });

    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'The patron app (/) and the staff console (/staff/), with the API on the same origin' });
    new CfnOutput(this, 'ApiUrl', {
      value: api.url,
      description: 'Base URL of the HTTP API itself: answers 403 to requests that do not come through WebUrl (origin check)',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'EventBusName', { value: bus.eventBusName });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn, description: 'Subscribe the operators to this topic (or set context alarmEmail)' });
  }
}
