import type { Logger } from '@aws-lambda-powertools/logger';
import type { Clock } from './clock.js';
import type { AppConfig } from './config.js';
import type { EventPublisher } from './events.js';
import type { Metrics } from './metrics.js';
import type { TokenService } from './tokens.js';
import type { Store } from '../store/index.js';
import type { Mailer } from '../mail/mailer.js';

/**
 * What every handler gets, built once per cold start (functions/entry/*) or once by the
 * local stack (lib/local). Handlers never build clients themselves.
 */
export interface Deps {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly store: Store;
  readonly tokens: TokenService;
  readonly events: EventPublisher;
  readonly logger: Logger;
  /** Business metrics (EMF in Lambda; captured locally and in tests). */
  readonly metrics: Metrics;
  /** Only where mail is sent (the pickup-notice job, and the local stack). */
  readonly mailer?: Mailer;
  /** Only on the local stack: the clock and event log behind /admin/local/*. */
  readonly local?: LocalControls;
}

export interface LocalControls {
  /** Sets the clock (null = real time), first firing every scheduled run it skips. */
  setClock(now: string | null): Promise<{ now: string; fired: readonly { job: string; schedule: string; scheduledTime: string }[] }>;
  /** After relaying every outbox event written so far (decision 014). */
  recentEvents(limit: number): Promise<readonly unknown[]>;
  /** SPEC 10.4: puts an event as SES would publish it on the bus; answers once its handler has run. */
  putSesEvent(detailType: string, detail: Record<string, unknown>): Promise<{ eventId: string; marked: number }>;
}
