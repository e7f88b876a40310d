import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A focused test in CI would silently turn the rest of the suite off.
    allowOnly: !process.env.CI,
    // Files run in parallel: each storage file has its own databases, each server its own port
    // (port 0), each browser file its own Chromium. The default would be one worker on a
    // 2-core machine; most of a test's time is spent waiting on PostgreSQL and Chromium.
    maxWorkers: Number(process.env.TEST_WORKERS ?? 3),
    minWorkers: 1,
    // A deadline for what tests wait on (a page updating, an event arriving), generous because
    // a loaded machine is slow; a passing poll returns as soon as its condition holds.
    expect: { poll: { timeout: 10_000 } },
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
