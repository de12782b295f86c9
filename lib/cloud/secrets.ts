import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { TokenAudience } from '../../functions/wiring.js';

/**
 * The key that signs the tokens of one audience (functions/common/tokens.ts reads it once
 * per cold start). One secret per audience, so a function is granted only the audiences it
 * serves: the patron functions can never mint a staff token (decision 011). Encrypted at
 * rest with the account's Secrets Manager key.
 */
export class SigningKeySecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { readonly audience: TokenAudience }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: `HMAC key that signs ${props.audience} tokens`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        `Not rotated automatically: a new key invalidates every live ${props.audience} token at once. ` +
        'Tokens are short-lived (30 min / 8 h); the key is rotated by hand in a maintenance window.',
    });
  }
}
