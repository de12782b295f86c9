import { Logger } from '@aws-lambda-powertools/logger';

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/**
 * Structured JSON logs. Never pass names, emails, passwords, tokens or request bodies:
 * log ids and codes only (test/integration/logging-privacy.test.ts checks this).
 */
export const createLogger = (serviceName: string, logLevel?: Level): Logger =>
  new Logger({ serviceName, logLevel: logLevel ?? (process.env.LOG_LEVEL as Level | undefined) ?? 'INFO' });
