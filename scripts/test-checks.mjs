// The checks `npm test` runs before the Vitest suite: the type check, dist/ built when stale
// (the integration tests start the server and the CLI from it), the layering rules, then the
// unit tests in the Jakarta zone. Each is a single-threaded process, so they run side by side on
// a multi-core machine instead of one after the other (about a minute less on 2 cores); each
// one's output is printed whole when it ends, and the exit code is non-zero if any failed.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const lanes = [
  [['typecheck', npm, ['run', '--silent', 'typecheck']]],
  [['build (when stale)', process.execPath, ['scripts/build.mjs', '--if-stale']]],
  [
    ['layering rules', npm, ['run', '--silent', 'lint:layers']],
    ['unit tests in Asia/Jakarta', npm, ['run', '--silent', 'test:unit-tz']],
  ],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      process.stdout.write(`\n── ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}\n${out}`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(
  lanes.map(async (steps) => {
    for (const step of steps) if (!(await run(step))) return false;
    return true;
  }),
);
process.exit(results.every(Boolean) ? 0 : 1);
