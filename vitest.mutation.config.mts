import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutation`, stryker.config.json;
 * docs/decisions/010-mutation-testing.md).
 *
 * By default the unit tests: they cover functions/domain in about 15 minutes on 2 cores.
 * functions/use-cases is only exercised by the integration tests (DynamoDB Local, started by
 * test/support/global-setup.ts). Stryker's vitest runner handles that global setup (once per
 * runner process), but each mutant then costs tens of seconds, hours for the whole folder, so
 * they only run when asked for, for a few files at a time:
 *
 *   MUTATION_TESTS=integration npm run mutation -- --mutate functions/use-cases/cancel-hold.ts
 */
const withIntegration = process.env.MUTATION_TESTS === 'integration';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', ...(withIntegration ? ['test/integration/**/*.test.ts'] : [])],
    // It tests the demo catalog generator (lib/local, not mutated) and builds a 2,000-title
    // index at import time, outside any test: every search mutant would become a "static"
    // mutant, run against all tests with a fresh module graph, for no mutant killed.
    exclude: ['test/unit/demo-catalog.test.ts'],
    ...(withIntegration ? { globalSetup: ['test/support/global-setup.ts'] } : {}),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
