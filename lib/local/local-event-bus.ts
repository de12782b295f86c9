import { randomUUID } from 'node:crypto';
import type { EventPublisher } from '../../functions/common/events.js';
import { events, isJobName, type JobInvocation } from '../../functions/wiring.js';
import type { InvokeJob } from './local-scheduler.js';

export interface LocalEvent {
  readonly id: string;
  readonly time: string;
  readonly source: string;
  readonly detailType: string;
  readonly detail: Record<string, unknown>;
}

/**
 * The in-process stand-in for the EventBridge bus (SPEC 9). It keeps the latest events for
 * GET /admin/local/events and applies the same rule the stack deploys: a JobRunRequested
 * event invokes its job, asynchronously, as EventBridge would.
 */
export class LocalEventBus implements EventPublisher {
  private readonly log: LocalEvent[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly now: () => Date,
    private readonly invokeJob: InvokeJob,
    private readonly onError: (detailType: string, error: unknown) => void,
    /** How many of the latest events the log keeps. */
    readonly capacity = 10_000,
  ) {}

  async publish(detailType: string, detail: Record<string, unknown>): Promise<void> {
    const event = { id: randomUUID(), time: this.now().toISOString(), source: events.source, detailType, detail };
    this.log.push(event);
    if (this.log.length > this.capacity) this.log.shift();
    if (detailType === events.detailTypes.jobRunRequested && isJobName(String(detail.job))) {
      const run = new Promise((resolve) => setImmediate(resolve))
        .then(() => this.invokeJob(detail as unknown as JobInvocation))
        .catch((error) => this.onError(detailType, error))
        .finally(() => this.pending.delete(run));
      this.pending.add(run);
    }
  }

  /** Newest first. */
  recent(limit: number): LocalEvent[] {
    return this.log.slice(-limit).reverse();
  }

  /** Resolves when every job the bus started has finished (for tests and shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
