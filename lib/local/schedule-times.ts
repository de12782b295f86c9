import { CronExpressionParser } from 'cron-parser';
import { jobs, type JobName } from '../../functions/wiring.js';

export interface ScheduledRun {
  readonly job: JobName;
  readonly schedule: string;
  readonly scheduledTime: Date;
}

/**
 * Every scheduled run of every job in (after, until], in time order, from the same cron
 * declarations the cloud scheduler gets. Runs at the same instant keep declaration order.
 */
export const runsBetween = (after: Date, until: Date): ScheduledRun[] => {
  if (until <= after) return [];
  const runs: ScheduledRun[] = [];
  for (const job of jobs) {
    for (const schedule of job.schedules) {
      const times = CronExpressionParser.parse(schedule.cron, { currentDate: after, endDate: until, tz: schedule.timeZone });
      while (times.hasNext()) {
        const at = times.next().toDate();
        if (at > after && at <= until) runs.push({ job: job.name, schedule: schedule.name, scheduledTime: at });
      }
    }
  }
  return runs.sort((a, b) => a.scheduledTime.getTime() - b.scheduledTime.getTime());
};
