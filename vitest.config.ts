import { defineConfig } from 'vitest/config';

const WORKERS = Number(process.env.TEST_WORKERS ?? 3);

export default defineConfig({
  test: {
    // A focused test in CI would silently turn the rest of the suite off.
    allowOnly: !process.env.CI,
    // Files run in parallel: each storage file has its own databases, each server its own port
    // (port 0), each browser file its own Chromium. The default would be one worker on a
    // 2-core machine; most of a test's time is spent waiting on PostgreSQL and Chromium.
    maxWorkers: WORKERS,
    // Every worker lives for the whole run: with fewer kept alive, Vitest 3 tears idle workers
    // down while the pool still talks to them ("Terminating worker thread" at the end).
    minWorkers: WORKERS,
    // A worker loads the app's modules once for all the files it runs, instead of once per file.
    // Each file still builds its own runtime, database and browser context, so nothing a test
    // touches is shared; measured on the integration project: 114 s CPU instead of 185 s, and
    // the whole suite passes either way.
    isolate: false,
    // A deadline for what tests wait on (a page updating, an event arriving), generous because
    // a loaded machine is slow; a passing poll returns as soon as its condition holds.
    expect: { poll: { timeout: 10_000 } },
    // PostgreSQL test databases are kept and reused by each worker; the run drops them at its end.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Its tests start the server and the CLI as production runs them, from dist/.
          globalSetup: ['test/support/build-dist.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
