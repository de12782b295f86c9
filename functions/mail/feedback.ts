/**
 * SPEC 10.4: what an SES event (as SES publishes it to EventBridge: `source` aws.ses, the
 * event in `detail`) means for the addresses it names. A permanent bounce, a complaint or
 * an SES rejection makes an address BOUNCING; a transient (or undetermined) bounce and a
 * delivery are only counted. Anything else, or a detail of another shape, changes nothing.
 */
export type MailFeedback =
  | { readonly kind: 'BOUNCING'; readonly reason: 'BOUNCE' | 'COMPLAINT' | 'REJECT'; readonly addresses: readonly string[] }
  | { readonly kind: 'TRANSIENT_BOUNCE' | 'DELIVERY' | 'OTHER' };

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string' && v.length > 0);
const recipients = (values: unknown): string[] => strings(list(values).map((r) => object(r).emailAddress));

export const readMailFeedback = (detail: unknown): MailFeedback => {
  const event = object(detail);
  const type = event.eventType ?? event.notificationType;
  const destination = strings(list(object(event.mail).destination));
  switch (type) {
    case 'Bounce': {
      const bounce = object(event.bounce);
      if (bounce.bounceType !== 'Permanent') return { kind: 'TRANSIENT_BOUNCE' };
      const named = recipients(bounce.bouncedRecipients);
      return { kind: 'BOUNCING', reason: 'BOUNCE', addresses: named.length ? named : destination };
    }
    case 'Complaint': {
      const named = recipients(object(event.complaint).complainedRecipients);
      return { kind: 'BOUNCING', reason: 'COMPLAINT', addresses: named.length ? named : destination };
    }
    case 'Reject':
      return { kind: 'BOUNCING', reason: 'REJECT', addresses: destination };
    case 'Delivery':
      return { kind: 'DELIVERY' };
    default:
      return { kind: 'OTHER' };
  }
};
