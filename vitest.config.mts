import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DynamoDB Local and the SES emulator start once per run, not per test.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each worker process imports the stack once for all its files (imports took ~55 s of a
    // run when every file re-imported it). Each file starts its own app, table and clock; the
    // one module-level state in the functions, the kept reference data
    // (functions/store/reference-data.ts), is keyed by table, so apps do not share it.
    isolate: false,
    // Three files at a time on the 2-core machine (vitest's default is one fewer than the cores):
    // the integration files mostly wait on DynamoDB Local, timers and the browser. Measured on
    // the whole suite (issue 13): 2 workers 366 s, 3 workers 312 s.
    maxWorkers: 3,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
