import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { BUILT } from './built-entry.js';
import { TEST_DATA_KEY } from './data-key.js';


/** A real server started the way `npm start` starts it, in its own process. */
export interface ServerProcess {
  url: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
  /** Sends a signal (SIGKILL: a crash; SIGTERM: a drain) without waiting. */
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the exit code (null when a signal ended it) once the process is gone. */
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the built server (`node dist/server.js`, as production does; see built-entry.ts) with
 * the given environment and waits until /healthz answers. The port
 * is free when picked but another process may take it before the server binds it; then the
 * server is started again on another port.
 */
/** Node's flags as deploy/antrean.service and `npm start` give them: the young generation's size. */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(env);
    } catch (error) {
      if (attempt >= 5 || !(error instanceof PortTakenError)) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startOnFreePort(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, BUILT.server], {
    cwd: BUILT.root,
    // A loaded machine can keep a request waiting for a pooled connection longer than production's 5 s.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', DATABASE_CONNECT_TIMEOUT_SECONDS: '30', ANTREAN_DATA_KEY: TEST_DATA_KEY, POW_DIFFICULTY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const url = `http://127.0.0.1:${port}`;
  // A busy 2-core machine can take a while to start a process.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (out.includes('EADDRINUSE')) throw new PortTakenError(`port ${port} was taken:\n${out}`);
      throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    output: () => out,
    exited,
    kill: (signal) => void child.kill(signal),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
