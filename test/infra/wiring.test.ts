import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, cdkJsonContext } from '../../lib/cloud/app.js';
import { deployedRoutes, jobs, routeKey, routes } from '../../functions/wiring.js';
import { publicHandlers } from '../../functions/http/public/routes.js';
import { patronHandlers } from '../../functions/http/patron/routes.js';
import { staffHandlers } from '../../functions/http/staff/routes.js';
import { jobBodies } from '../../functions/jobs/index.js';
import { createRouteMatcher } from '../../lib/local/route-matcher.js';
import { runsBetween } from '../../lib/local/schedule-times.js';

/**
 * lib/cloud and lib/local are both generated from functions/wiring.ts. Each side must expose
 * exactly what wiring declares, so a route or job that exists on one side only fails here.
 */
interface Exposed {
  /** `${method} ${path}` of every HTTP route (without API Gateway's `$default`). */
  readonly routeKeys: readonly string[];
  /** `${job}/${schedule}` of every scheduled trigger. */
  readonly schedules: readonly string[];
  /** Jobs that a staff "run now" reaches. */
  readonly runNowJobs: readonly string[];
}

const sorted = (values: Iterable<string>) => [...values].sort();

/** What functions/wiring.ts declares for a deployed service (routes with access `local` excluded). */
const declared: Exposed = {
  routeKeys: sorted(deployedRoutes.map(routeKey)),
  schedules: sorted(jobs.flatMap((job) => job.schedules.map((schedule) => `${job.name}/${schedule.name}`))),
  runNowJobs: sorted(jobs.map((job) => job.name)),
};

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
const cloudSide = (): Exposed & { readonly hasDefaultRoute: boolean } => {
  // Bundling is irrelevant to what is exposed: skip it to keep this file fast.
  const { stack } = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  const template = Template.fromStack(stack);
  const properties = (type: string) => Object.values(template.findResources(type)).map((r: any) => r.Properties);

  const allRouteKeys = properties('AWS::ApiGatewayV2::Route').map((p) => p.RouteKey as string);
  return {
    routeKeys: sorted(allRouteKeys.filter((key) => key !== '$default')),
    hasDefaultRoute: allRouteKeys.includes('$default'),
    schedules: sorted(
      properties('AWS::Scheduler::Schedule').map((p) => {
        const input = JSON.parse(p.Target.Input as string) as { job: string; schedule: string };
        return `${input.job}/${input.schedule}`;
      }),
    ),
    runNowJobs: sorted(properties('AWS::Events::Rule').flatMap((p) => (p.EventPattern.detail?.job ?? []) as string[])),
  };
};

describe('cloud stack (lib/cloud) exposes exactly functions/wiring.ts', () => {
  let cloud: ReturnType<typeof cloudSide>;
  beforeAll(() => {
    cloud = cloudSide();
  });

  it('every deployed route and no other; $default only for the 404 fallback', () => {
    expect(cloud.routeKeys).toEqual(declared.routeKeys);
    expect(cloud.hasDefaultRoute).toBe(true);
  });

  it('every schedule of every job and no other', () => {
    expect(cloud.schedules).toEqual(declared.schedules);
  });

  it('staff "run now" reaches every job and no other', () => {
    expect(cloud.runNowJobs).toEqual(declared.runNowJobs);
  });
});

const localSide = (): Exposed => {
  const handlerKeys = [...Object.keys(publicHandlers), ...Object.keys(patronHandlers), ...Object.keys(staffHandlers)];
  const localOnly = new Set(routes.filter((r) => r.access === 'local').map(routeKey));
  // A week of the local scheduler covers every daily and 10-minute schedule.
  const week = runsBetween(new Date('2026-12-01T00:00:00+09:00'), new Date('2026-12-08T00:00:00+09:00'));
  return {
    routeKeys: sorted(handlerKeys.filter((key) => !localOnly.has(key))),
    schedules: sorted(new Set(week.map((run) => `${run.job}/${run.schedule}`))),
    runNowJobs: sorted(Object.keys(jobBodies)),
  };
};

describe('local stack (lib/local) exposes exactly functions/wiring.ts', () => {
  const local = localSide();
  const match = createRouteMatcher(routes);

  it('every route has a handler in its group and the local router reaches it', () => {
    expect(local.routeKeys).toEqual(declared.routeKeys);
    for (const route of routes) {
      const concretePath = route.path.replace(/\{\w+\}/g, 'x');
      expect(match(route.method, concretePath)?.route.group).toBe(route.group);
    }
  });

  it('every schedule of every job fires on the local clock, and no other', () => {
    expect(local.schedules).toEqual(declared.schedules);
  });

  it('staff "run now" on the local bus reaches every job and no other', () => {
    expect(local.runNowJobs).toEqual(declared.runNowJobs);
  });
});
