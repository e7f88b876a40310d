import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { runDueDraws } from './app/draw/commands/run-due-draws.js';
import type { AppContext } from './app/shared/context.js';
import { startPeriodicJob } from './periodic-job.js';

/** The background maker of release draws. */
export interface DrawRunner {
  /** One pass now: what tests call, on their own clock. Returns how many draws this pass made. */
  runOnce(): Promise<number>;
  /** Passes every `pollMs` until stopped. */
  start(): void;
  /** Stops the passes; resolves once a pass under way has finished. */
  stop(): Promise<void>;
}

/**
 * Makes each release's draw as soon as its window has closed, on the app's clock. Every server
 * process runs it; a draw is claimed by one of them (see `runDueDraws`), so each is made once.
 * A pass is one indexed query when nothing is due, so it can run every second: the citizens
 * waiting for the result, and the bookings of the date held back meanwhile, wait at most that.
 */
export function createDrawRunner(ctx: AppContext, opts: { logger: Logger; pollMs: number; workerId?: string }): DrawRunner {
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let stop: (() => Promise<void>) | undefined;
  const runOnce = () => runDueDraws(ctx, { workerId });
  return {
    runOnce,
    start() {
      if (stop) return;
      stop = startPeriodicJob(opts.pollMs, async () => {
        try {
          const made = await runOnce();
          if (made > 0) opts.logger.info({ draws: made }, 'release draws made');
        } catch (error) {
          opts.logger.warn({ err: error }, 'making release draws failed');
        }
      });
    },
    async stop() {
      const stopping = stop?.();
      stop = undefined;
      await stopping;
    },
  };
}
