import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The key that signs patron and staff tokens (functions/common/tokens.ts reads it once per
 * cold start). Encrypted at rest with the account's Secrets Manager key.
 */
export class SigningKeySecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'HMAC key that signs patron and staff tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: a new key invalidates every live patron and staff token at once. ' +
        'Tokens are short-lived (30 min / 8 h); the key is rotated by hand in a maintenance window.',
    });
  }
}
