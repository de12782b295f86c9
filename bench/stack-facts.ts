import { countMetrics } from '../functions/common/metrics.js';
import { functionGroups, jobs, type FunctionGroupName } from '../functions/wiring.js';
import { commonRuleSetExceptions, managedRuleGroups } from '../lib/cloud/edge.js';
import { kindOf } from '../lib/cloud/functions.js';
import { functionArchitecture, sizing } from '../lib/cloud/group-function.js';
import type { StackFacts } from './cost-model.js';

/** Values one cron field takes (numbers, ranges, lists, `*` and `/step`), e.g. `*\/10` of 0–59. */
const fieldValues = (field: string, min: number, max: number): number[] =>
  field.split(',').flatMap((part) => {
    const [range = '*', step = '1'] = part.split('/');
    const [from, to] = range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(Number) : [Number(range), part.includes('/') ? max : Number(range)];
    return Array.from({ length: Math.floor((to! - from!) / Number(step)) + 1 }, (_, i) => from! + i * Number(step));
  });

/** Runs a day of a schedule whose day fields are all `*` (every schedule of wiring.ts). */
export const runsPerDay = (cron: string): number => {
  const [minute = '', hour = ''] = cron.split(' ');
  return fieldValues(minute, 0, 59).length * fieldValues(hour, 0, 23).length;
};

const memoryOf = (name: FunctionGroupName): number => {
  const group = functionGroups[name];
  return 'memoryMB' in group ? group.memoryMB : sizing[kindOf(name)].memorySize;
};

/**
 * What the bill sees of the stack, read from the code that builds it: function memory (a group's
 * memoryMB in functions/wiring.ts, else its kind's in lib/cloud/group-function.ts), architecture,
 * schedules (functions/wiring.ts), secrets, web ACL rules (lib/cloud/edge.ts), metrics and alarms (lib/cloud/observability.ts, job-alarms.ts,
 * outbox-relay.ts), and the web apps' measured size.
 */
export const stackFacts = (web: { patronApp: { bytes: number; files: number }; staffApp: { bytes: number; files: number } }): StackFacts => {
  const names = Object.keys(functionGroups) as FunctionGroupName[];
  const apiFunctions = names.filter((name) => kindOf(name) === 'api');
  const audiences = new Set(names.flatMap((name) => ('signingKeys' in functionGroups[name].permissions ? [...functionGroups[name].permissions.signingKeys] : [])));
  const secretsPerApi = apiFunctions.map((name) => ('signingKeys' in functionGroups[name].permissions ? functionGroups[name].permissions.signingKeys.length : 0) + 1);
  return {
    // A group's own memoryMB (functions/wiring.ts) overrides its kind's size, as lib/cloud/group-function.ts does.
    memoryMB: Object.fromEntries(names.map((name) => [name, memoryOf(name)])),
    architecture: functionArchitecture.name === 'arm64' ? 'arm64' : 'x86_64',
    apiFunctions,
    jobRunsPerMonth: Object.fromEntries(
      jobs.map((job) => [job.group, (job.schedules as readonly { cron: string }[]).reduce((sum, s) => sum + runsPerDay(s.cron), 0) * (365 / 12)]),
    ),
    // A signing key per token audience and the origin-verify secret; an API function reads its keys and the origin secret.
    secrets: audiences.size + 1,
    secretsReadPerColdStart: secretsPerApi.reduce((a, b) => a + b, 0) / Math.max(1, secretsPerApi.length),
    // The managed groups, the login rate limit and one label rule per common-rule-set exception.
    wafRules: Object.keys(managedRuleGroups).length + 1 + Object.keys(commonRuleSetExceptions).length,
    // observability.ts: errors per API function, the 5xx share (2 metrics), throttles summed over
    // every function, SES bounce and complaint, failed logins; job-alarms.ts: one per job and the
    // dead-letter queue; outbox-relay.ts: two.
    alarmMetrics: apiFunctions.length + 2 + names.length + 2 + 1 + jobs.length + 1 + 2,
    // The count metrics without dimension, and the job run duration per job.
    customMetrics: countMetrics.length + jobs.length,
    dashboards: 1,
    logRetentionMonths: 3,
    patronApp: web.patronApp,
    staffApp: web.staffApp,
  };
};
