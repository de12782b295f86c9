import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs. Never pass names, emails, passwords, tokens or request bodies:
 * log ids and codes only (test/integration/logging-privacy.test.ts checks this).
 */
export const createLogger = (serviceName: string): Logger =>
  new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
