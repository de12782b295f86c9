import { inject } from 'vitest';

/** This worker's DynamoDB Local (test/support/global-setup.ts starts one per worker). */
export const dynamodbEndpoint = (): string => {
  const endpoints = inject('dynamodbEndpoints');
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  return endpoints[(worker - 1) % endpoints.length] as string;
};
