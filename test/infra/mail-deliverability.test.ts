import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp, cdkJsonContext } from '../../lib/cloud/app.js';
import { functionGroups, mailFeedback } from '../../functions/wiring.js';

/**
 * SPEC 10.4 in the AWS stack: the library's mail is signed (Easy DKIM, 2048-bit), leaves from
 * a MAIL FROM subdomain of its own, the domain publishes DMARC, and SES reports bounces and
 * complaints through a configuration set whose events reach the mail-feedback function.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
const synth = (context: Record<string, unknown> = {}) => {
  // Bundling is irrelevant to what is declared: skip it to keep this file fast.
  const { app, stack } = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context } });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const outputs = template.toJSON().Outputs as Record<string, { Value: any }>;
  return { app, template, resources, ofType, outputs };
};

const zoneContext = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', hostedZoneName: 'library-mito.jp' };
const joined = (value: any): string => (typeof value === 'string' ? value : JSON.stringify(value));

describe('SPEC 10.4 mail deliverability (CDK)', () => {
  const { app, template, ofType, outputs, resources } = synth();

  it('SPEC 10.4: the domain identity signs with Easy DKIM 2048-bit and sends from mail.<domain>', () => {
    const [[, identity]] = ofType('AWS::SES::EmailIdentity') as [[string, any]];
    // Signing is on unless DkimAttributes turns it off.
    expect(identity.Properties.DkimAttributes?.SigningEnabled).not.toBe(false);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'library-mito.jp',
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: { MailFromDomain: 'mail.library-mito.jp', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    });
  });

  it('SPEC 10.4: the MAIL FROM subdomain comes from context mailFromSubdomain', () => {
    synth({ mailFromSubdomain: 'bounce' }).template.hasResourceProperties('AWS::SES::EmailIdentity', {
      MailFromAttributes: { MailFromDomain: 'bounce.library-mito.jp' },
    });
  });

  it('SPEC 10.4: a configuration set without tracking, the identity default and passed on every send', () => {
    const [[setId, set]] = ofType('AWS::SES::ConfigurationSet') as [[string, any]];
    expect(set.Properties.TrackingOptions).toBeUndefined();
    expect(set.Properties.ReputationOptions).toEqual({ ReputationMetricsEnabled: true });
    template.hasResourceProperties('AWS::SES::EmailIdentity', { ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } } });
    const senders = Object.entries(functionGroups).filter(([, g]) => (g.permissions as { sendMail?: boolean }).sendMail);
    expect(senders.length).toBeGreaterThan(0);
    for (const [name] of senders) {
      const fn = ofType('AWS::Lambda::Function').find(([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === name);
      expect(fn?.[1].Properties.Environment.Variables.MAIL_CONFIGURATION_SET, name).toEqual({ Ref: setId });
    }
  });

  it('SPEC 10.4: bounce, complaint, delivery and reject events go to EventBridge (no open or click events)', () => {
    const [[, destination]] = ofType('AWS::SES::ConfigurationSetEventDestination') as [[string, any]];
    const { EventDestination: d } = destination.Properties;
    expect([...d.MatchingEventTypes].sort()).toEqual(['bounce', 'complaint', 'delivery', 'reject']);
    expect(d.Enabled).toBe(true);
    expect(joined(d.EventBridgeDestination.EventBusArn)).toContain('event-bus/default');
  });

  it('SPEC 10.4: a rule on the default bus forwards them to the library bus, where a rule invokes the mail-feedback function', () => {
    const sesRules = ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern.source?.[0] === 'aws.ses');
    expect(sesRules).toHaveLength(2);
    for (const [, rule] of sesRules) {
      expect([...rule.Properties.EventPattern['detail-type']].sort()).toEqual(Object.values(mailFeedback.detailTypes).sort());
      expect(rule.Properties.EventPattern.detail.mail.tags['ses:configuration-set']).toHaveLength(1);
    }
    const forward = sesRules.find(([, r]) => r.Properties.EventBusName === 'default');
    const [busId] = ofType('AWS::Events::EventBus')[0]!;
    expect(forward?.[1].Properties.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
    const handle = sesRules.find(([, r]) => r.Properties.EventBusName?.Ref === busId);
    const fnId = handle?.[1].Properties.Targets[0].Arn['Fn::GetAtt'][0];
    expect(resources[fnId]?.Type).toBe('AWS::Lambda::Function');
    expect(resources[fnId]?.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('mail-feedback');
    expect(handle?.[1].Properties.Targets[0].DeadLetterConfig).toBeDefined();
  });

  it('SPEC 10.4: the DNS records to publish are stack outputs (3 DKIM CNAMEs, MAIL FROM MX and SPF, DMARC)', () => {
    expect(
      Object.keys(outputs)
        .filter((k) => k.startsWith('MailDkimRecord'))
        .sort(),
    ).toEqual(['MailDkimRecord1', 'MailDkimRecord2', 'MailDkimRecord3']);
    expect(joined(outputs.MailDkimRecord1!.Value)).toContain('CNAME');
    expect(joined(outputs.MailDkimRecord1!.Value)).toContain('DkimDNSTokenName1');
    expect(joined(outputs.MailFromMxRecord!.Value)).toBe('mail.library-mito.jp MX 10 feedback-smtp.ap-northeast-1.amazonses.com');
    expect(joined(outputs.MailFromSpfRecord!.Value)).toBe('mail.library-mito.jp TXT "v=spf1 include:amazonses.com ~all"');
    expect(joined(outputs.MailDmarcRecord!.Value)).toMatch(/^_dmarc\.library-mito\.jp TXT "v=DMARC1; p=none; rua=mailto:chuou@library-mito\.jp/);
    // Without a zone nothing is written to Route 53.
    expect(ofType('AWS::Route53::RecordSet')).toEqual([]);
  });

  it('SPEC 10.4: with a hosted zone as context the stack creates the DKIM, MAIL FROM and DMARC records in it', () => {
    const zoned = synth({ ...zoneContext, dmarcPolicy: 'quarantine' });
    const records = zoned.ofType('AWS::Route53::RecordSet').map(([, r]) => r.Properties);
    for (const r of records) expect(r.HostedZoneId).toBe(zoneContext.hostedZoneId);
    expect(records.filter((r) => r.Type === 'CNAME')).toHaveLength(3);
    expect(records.filter((r) => r.Type === 'MX').map((r) => [r.Name, r.ResourceRecords])).toEqual([
      ['mail.library-mito.jp.', ['10 feedback-smtp.ap-northeast-1.amazonses.com']],
    ]);
    const txt = records.filter((r) => r.Type === 'TXT').map((r) => [r.Name, r.ResourceRecords[0]]);
    expect(txt).toContainEqual(['mail.library-mito.jp.', '"v=spf1 include:amazonses.com ~all"']);
    expect(txt.find(([name]) => name === '_dmarc.library-mito.jp.')?.[1]).toMatch(/^"v=DMARC1; p=quarantine;/);
  });

  it('SPEC 10.4: cdk-nag finds nothing in the mail resources, with or without a zone', () => {
    for (const scope of [app, synth(zoneContext).app]) {
      const { violations } = new AwsSolutionsChecks().validateScope(scope);
      expect(violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    }
  });

  it('SPEC 10.4: a hosted zone must be given whole (id and name) and be the mail domain', () => {
    expect(() => synth({ hostedZoneId: 'Z0123456789ABCDEFGHIJ' })).toThrow(/hostedZoneId.*hostedZoneName/);
    expect(() => synth({ ...zoneContext, hostedZoneName: 'example.jp' })).toThrow(/mail domain/);
    expect(() => synth({ dmarcPolicy: 'strict' })).toThrow(/dmarcPolicy/);
  });
});
