import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { EventBus, Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget, LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { PublicHostedZone, TxtRecord } from 'aws-cdk-lib/aws-route53';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mailFeedback } from '../../functions/wiring.js';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface MailIdentityProps {
  /** The sending domain (cdk.json context `sesIdentity`). */
  readonly domain: string;
  /** The custom MAIL FROM subdomain (context `mailFromSubdomain`, default `mail`): SPF aligned with the From domain. */
  readonly mailFromSubdomain?: string;
  /** DMARC policy (context `dmarcPolicy`, default `none` until reports show all of the domain's mail aligned). */
  readonly dmarcPolicy?: DmarcPolicy;
  /** Where aggregate DMARC reports go (the inquiry address). */
  readonly dmarcReportTo: string;
  /** When given (contexts `hostedZoneId` and `hostedZoneName`), the records are created in this Route 53 zone. */
  readonly hostedZone?: { readonly id: string; readonly name: string };
}

/** The events of sent mail that come back to the service (SPEC 10.4). No open or click events: no tracking. */
export const feedbackEvents = [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY, EmailSendingEvent.REJECT];

/**
 * SPEC 10.4: mail the carriers accept. The domain identity signs with Easy DKIM (2048-bit),
 * sends from a custom MAIL FROM subdomain (so SPF aligns with the From domain), and the
 * domain publishes DMARC. The DNS records to publish are stack outputs; with a hosted zone
 * given, they are created in it. Every mail goes through `configurationSet` (also the
 * identity's default), which has no open or click tracking.
 */
export class MailIdentity extends Construct {
  readonly domain: string;
  readonly identityArn: string;
  readonly configurationSet: ConfigurationSet;
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    const { domain } = props;
    const mailFromDomain = `${props.mailFromSubdomain ?? 'mail'}.${domain}`;
    const zone = props.hostedZone
      ? PublicHostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: props.hostedZone.id, zoneName: props.hostedZone.name })
      : undefined;
    if (zone && props.hostedZone?.name.replace(/\.$/, '') !== domain) {
      throw new Error(`context hostedZoneName (${props.hostedZone?.name}) must be the zone of the mail domain ${domain}`);
    }

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // Complaint and bounce rates per configuration set, beside the account's (docs/operations.md).
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSetArn = Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName });

    const identity = new EmailIdentity(this, 'Identity', {
      // With a zone, the identity creates its DKIM CNAMEs and the MAIL FROM MX and SPF records itself.
      identity: zone ? Identity.publicHostedZone(zone) : Identity.domain(domain),
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      mailFromDomain,
      // Rather the amazonses.com return path (DKIM still aligns) than mail refused while the MX is missing.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
      configurationSet: this.configurationSet,
    });
    this.domain = domain;
    this.identityArn = identity.emailIdentityArn;

    const dmarc = `v=DMARC1; p=${props.dmarcPolicy ?? 'none'}; rua=mailto:${props.dmarcReportTo}; adkim=r; aspf=r`;
    if (zone) new TxtRecord(this, 'Dmarc', { zone, recordName: `_dmarc.${domain}`, values: [dmarc] });

    const stack = Stack.of(this);
    identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(stack, `MailDkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: 'SPEC 10.4: Easy DKIM (2048-bit) CNAME to publish',
      });
    });
    new CfnOutput(stack, 'MailFromMxRecord', {
      value: `${mailFromDomain} MX 10 feedback-smtp.${stack.region}.amazonses.com`,
      description: 'SPEC 10.4: MX of the custom MAIL FROM domain',
    });
    new CfnOutput(stack, 'MailFromSpfRecord', {
      value: `${mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      description: 'SPEC 10.4: SPF of the MAIL FROM domain',
    });
    new CfnOutput(stack, 'MailDmarcRecord', { value: `_dmarc.${domain} TXT "${dmarc}"`, description: 'SPEC 10.4: DMARC of the mail domain' });
    new CfnOutput(stack, 'MailDnsRecordsCreated', { value: zone ? `in Route 53 zone ${props.hostedZone?.id}` : 'no: publish the Mail* records above in the domain DNS' });
  }
}

export interface MailFeedbackRoutingProps {
  readonly configurationSet: ConfigurationSet;
  readonly bus: IEventBus;
  readonly handler: IFunction;
  readonly deadLetterQueue: IQueue;
}

/**
 * SPEC 10.4: SES can publish a configuration set's events only to the account's default bus.
 * A rule there forwards this set's bounce, complaint, delivery and reject events to the
 * library's bus, where a rule invokes the mail-feedback handler (functions/wiring.ts).
 */
export class MailFeedbackRouting extends Construct {
  constructor(scope: Construct, id: string, props: MailFeedbackRoutingProps) {
    super(scope, id);
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    new ConfigurationSetEventDestination(this, 'ToEventBridge', {
      configurationSet: props.configurationSet,
      destination: EventDestination.eventBus(defaultBus),
      events: feedbackEvents,
    });
    const pattern = {
      source: [mailFeedback.source],
      detailType: Object.values(mailFeedback.detailTypes),
      detail: { mail: { tags: { 'ses:configuration-set': [props.configurationSet.configurationSetName] } } },
    };
    new Rule(this, 'Forward', {
      eventBus: defaultBus,
      description: 'SES events of the library configuration set, to the library bus (SPEC 10.4)',
      eventPattern: pattern,
      targets: [new EventBusTarget(props.bus, { deadLetterQueue: props.deadLetterQueue })],
    });
    new Rule(this, 'Handle', {
      eventBus: props.bus,
      description: 'SES bounce, complaint, delivery and reject events to the mail-feedback function (SPEC 10.4)',
      eventPattern: pattern,
      targets: [new LambdaFunction(props.handler, { deadLetterQueue: props.deadLetterQueue, retryAttempts: 4, maxEventAge: Duration.hours(6) })],
    });
  }
}
