import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailIdentityProps {
  /** The sending domain (cdk.json context `sesIdentity`). */
  readonly domain: string;
}

/**
 * The SES identity pickup notices are sent from (SPEC 5.6). Its DKIM records must be
 * published in the domain's DNS before SES will send; `identityArn` scopes the send grant.
 */
export class MailIdentity extends Construct {
  readonly domain: string;
  readonly identityArn: string;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    const identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.domain) });
    this.domain = props.domain;
    this.identityArn = identity.emailIdentityArn;
  }
}
