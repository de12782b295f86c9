import { describe, expect, it } from 'vitest';
import { toEventBridgeCron } from '../../lib/cloud/cron.js';
import { jobs } from '../../functions/wiring.js';

describe('5-field cron to EventBridge cron()', () => {
  it.each([
    ['0 7 * * *', 'cron(0 7 * * ? *)'],
    ['*/10 7-23 * * *', 'cron(0/10 7-23 * * ? *)'],
    ['0 8 * * *', 'cron(0 8 * * ? *)'],
    ['0 6 * * *', 'cron(0 6 * * ? *)'],
    ['5,35 */2 * * *', 'cron(5,35 0/2 * * ? *)'],
    ['15/20 9 * * *', 'cron(15/20 9 * * ? *)'],
    ['0 0 1 * *', 'cron(0 0 1 * ? *)'],
    ['0 0 */3 jan-mar *', 'cron(0 0 1/3 JAN-MAR ? *)'],
  ])('day-of-week unrestricted: %s → %s', (cron, expected) => {
    expect(toEventBridgeCron(cron)).toBe(expected);
  });

  it.each([
    ['0 8 * * 1-5', 'cron(0 8 ? * 2-6 *)'],
    ['0 8 * * 0', 'cron(0 8 ? * 1 *)'],
    ['0 8 * * 7', 'cron(0 8 ? * 1 *)'],
    ['0 8 * * 6,0', 'cron(0 8 ? * 1,7 *)'],
    ['0 8 * * 5-7', 'cron(0 8 ? * 1,6,7 *)'],
    ['0 8 * * mon-fri', 'cron(0 8 ? * MON-FRI *)'],
    ['0 8 * 12 SUN', 'cron(0 8 ? 12 SUN *)'],
  ])('day-of-week restricted (Sunday is 1 in EventBridge): %s → %s', (cron, expected) => {
    expect(toEventBridgeCron(cron)).toBe(expected);
  });

  it.each([
    ['0 7 * *', /expected 5 fields/],
    ['0 7 * * * *', /expected 5 fields/],
    ['60 7 * * *', /minute value 60/],
    ['0 24 * * *', /hour value 24/],
    ['0 7 0 * *', /day-of-month value 0/],
    ['0 7 1 * 1', /both day-of-month and day-of-week/],
    ['0 7-23/2 * * *', /stepped range/],
    ['0 7 L * *', /not supported/],
    ['0 7 * * 1#2', /not supported/],
    ['0 20-7 * * *', /runs backwards/],
    ['0 7 * * */2', /steps in day-of-week/],
  ])('refuses what EventBridge cannot express with the same meaning: %s', (cron, error) => {
    expect(() => toEventBridgeCron(cron)).toThrow(error);
  });

  it('converts every schedule declared in functions/wiring.ts', () => {
    for (const job of jobs) for (const schedule of job.schedules) expect(() => toEventBridgeCron(schedule.cron)).not.toThrow();
  });
});
