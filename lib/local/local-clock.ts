import type { Clock } from '../../functions/common/clock.js';

/**
 * The local stack's clock (SPEC 7 PUT /admin/local/clock): wall time plus an offset, so a
 * clock that was set keeps running from there. Only the local stack has one.
 */
export class LocalClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly wallTime: () => number = Date.now) {}

  now(): Date {
    return new Date(this.wallTime() + this.offsetMs);
  }

  set(instant: Date | null): void {
    this.offsetMs = instant ? instant.getTime() - this.wallTime() : 0;
  }

  get isReal(): boolean {
    return this.offsetMs === 0;
  }
}
