// `npm test`: the whole suite. Vitest (every project, in UTC; its integration project builds dist/
// first when stale) runs beside the checks that are not Vitest's: the type check, the layering
// rules, then the unit tests again in the Asia/Jakarta zone. They used to run for about half a
// minute before Vitest started; beside it they take their share of the CPU instead of a wait of
// their own (whole run 5:15 -> 5:00 when measured: the machine is busy throughout, so the CPU
// they need is the real cost). Vitest's output is live; each check's output is kept and printed
// whole after it, with a line as soon as one fails. Arguments go to Vitest
// (`npm test -- --reporter=verbose`). The exit code is non-zero if anything failed.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const checks = [
  [['typecheck', npm, ['run', '--silent', 'typecheck']]],
  [
    ['layering rules', npm, ['run', '--silent', 'lint:layers']],
    ['unit tests in Asia/Jakarta', npm, ['run', '--silent', 'test:unit-tz']],
  ],
];

/** Runs a check with its output kept; resolves to its name, whether it passed and what it printed. */
function check([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (code !== 0) process.stdout.write(`\n── ${name}: FAILED (exit ${code}); its output follows the test run\n`);
      resolve({ name, ok: code === 0, out });
    });
  });
}

function vitest() {
  return new Promise((resolve) => {
    const child = spawn(npm, ['exec', '--', 'vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
    child.on('close', (code) => resolve(code === 0));
  });
}

const [suite, ...lanes] = await Promise.all([
  vitest(),
  ...checks.map(async (steps) => {
    const done = [];
    for (const step of steps) {
      const result = await check(step);
      done.push(result);
      if (!result.ok) break;
    }
    return done;
  }),
]);
const results = lanes.flat();
for (const { name, ok, out } of results) process.stdout.write(`\n── ${name}: ${ok ? 'ok' : 'FAILED'}\n${out}`);
process.exit(suite && results.every((r) => r.ok) ? 0 : 1);
