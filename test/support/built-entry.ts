import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The server and the CLI as production runs them: compiled in dist/, which the integration
 * project's global setup builds when it is missing or older than src/ (test/support/build-dist.ts).
 * Starting them through tsx instead cost about 2.5 s of CPU per process to transpile, measured,
 * and the suite starts dozens.
 */
export const BUILT = {
  root: ROOT,
  server: `${ROOT}dist/server.js`,
  cli: `${ROOT}dist/cli.js`,
} as const;
