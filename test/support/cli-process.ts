import { spawn } from 'node:child_process';
import { BUILT } from './built-entry.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both streams, in the order they came. */
  out: string;
}

/**
 * Runs `npm run antrean -- ARGS` in its own process (the compiled CLI), with the test's
 * environment less the names in `unset`, plus `env`. `stdin` is written and closed.
 */
export function runCli(args: string[], opts: { env?: Record<string, string>; unset?: string[]; stdin?: string } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of opts.unset ?? []) delete env[name];
  Object.assign(env, opts.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT.cli, ...args], { cwd: BUILT.root, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let out = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
      out += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, out }));
    child.stdin.end(opts.stdin ?? '');
  });
}
