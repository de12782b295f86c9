import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let client: SecretsManagerClient | undefined;

/** A secret's string from Secrets Manager, through one client per function (signing keys, origin secret). */
export const readSecret = async (secretArn: string): Promise<string> => {
  client ??= new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error('secret is empty');
  return SecretString;
};
