import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A focused test in CI would silently turn the rest of the suite off.
    allowOnly: !process.env.CI,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Storage and browser tests share one PostgreSQL database and ports; files run one at a time.
    fileParallelism: false,
  },
});
