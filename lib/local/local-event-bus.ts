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

  private readonly targets = new Map<string, (event: LocalEvent) => Promise<unknown>>();
  private readonly observers: ((event: LocalEvent) => void)[] = [];

  /** Sees every event put on the bus, of any source (the tests check each against the AsyncAPI document). */
  observe(observer: (event: LocalEvent) => void): void {
    this.observers.push(observer);
  }

  /** A rule by source, as the stack deploys for SES events (SPEC 10.4): its target gets every event of it. */
  subscribe(source: string, target: (event: LocalEvent) => Promise<unknown>): void {
    this.targets.set(source, target);
  }

  /**
   * Puts an event of another source (SES's, SPEC 10.4) on the bus. Its target runs
   * asynchronously, as EventBridge would; the promise answers when it has finished, so the
   * local route that stands in for SES can report what it caused.
   */
  async put(source: string, detailType: string, detail: Record<string, unknown>): Promise<{ event: LocalEvent; outcome?: unknown }> {
    const event = { id: randomUUID(), time: this.now().toISOString(), source, detailType, detail };
    this.record(event);
    const target = this.targets.get(source);
    if (!target) return { event };
    const run = new Promise((resolve) => setImmediate(resolve)).then(() => target(event));
    const tracked = run.catch((error) => this.onError(detailType, error)).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    return { event, outcome: await run };
  }

  private record(event: LocalEvent): void {
    for (const observer of this.observers) observer(event);
    this.log.push(event);
    if (this.log.length > this.capacity) this.log.shift();
  }

  async publish(detailType: string, detail: Record<string, unknown>): Promise<void> {
    const event = { id: randomUUID(), time: this.now().toISOString(), source: events.source, detailType, detail };
    this.record(event);
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
