import type { JobInvocation } from '../../functions/wiring.js';
import type { LocalClock } from './local-clock.js';
import { runsBetween, type ScheduledRun } from './schedule-times.js';

export type InvokeJob = (invocation: JobInvocation) => Promise<unknown>;

/**
 * The local stand-in for EventBridge Scheduler, driven by the local clock rather than by
 * wall time alone: a tick fires what came due, and moving the clock forward fires every run
 * in the skipped interval, in order, each with the clock at its own scheduled time.
 * Everything goes through one queue, so runs never overlap a clock move.
 */
export class LocalScheduler {
  private checkedUntil: Date;
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly clock: LocalClock,
    private readonly invoke: InvokeJob,
    private readonly onError: (run: ScheduledRun, error: unknown) => void,
  ) {
    this.checkedUntil = clock.now();
  }

  start(tickMs = 1000): void {
    this.timer = setInterval(() => void this.serialized(() => this.fireUntil(this.clock.now(), false)), tickMs);
    this.timer.unref();
  }

  stop(): Promise<unknown> {
    clearInterval(this.timer);
    return this.queue;
  }

  /** SPEC 7: sets the clock (null = real time); a forward move first fires the skipped runs. */
  setClock(target: Date | null): Promise<{ now: string; fired: { job: string; schedule: string; scheduledTime: string }[] }> {
    return this.serialized(async () => {
      const destination = target ?? new Date(Date.now());
      const fired = await this.fireUntil(destination, true);
      this.clock.set(target);
      this.checkedUntil = destination;
      return {
        now: this.clock.now().toISOString(),
        fired: fired.map((run) => ({ job: run.job, schedule: run.schedule, scheduledTime: run.scheduledTime.toISOString() })),
      };
    });
  }

  /**
   * Moves the clock without firing the skipped runs, as if the scheduler had been off.
   * For tests that need "45 days later" without 5,000 job runs; not reachable over HTTP.
   */
  skipTo(target: Date): Promise<void> {
    return this.serialized(async () => {
      this.clock.set(target);
      this.checkedUntil = target;
    });
  }

  /** `pinClock`: during a clock move, the whole service sees each run's scheduled time. */
  private async fireUntil(until: Date, pinClock: boolean): Promise<ScheduledRun[]> {
    const due = runsBetween(this.checkedUntil, until);
    for (const run of due) {
      if (pinClock) this.clock.set(run.scheduledTime);
      try {
        await this.invoke({ job: run.job, trigger: 'schedule', schedule: run.schedule, scheduledTime: run.scheduledTime.toISOString() });
      } catch (error) {
        this.onError(run, error);
      }
      this.checkedUntil = run.scheduledTime;
    }
    if (until > this.checkedUntil) this.checkedUntil = until;
    return due;
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
