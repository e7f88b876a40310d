import type { Logger } from 'pino';
import { closeDaysEverywhere } from './app/floor/commands/close-day.js';
import type { AppContext } from './app/shared/context.js';
import { forgetIdempotencyKeys } from './app/booking/commands/forget-idempotency-keys.js';

/** How often past days are closed; a no-show shows up in reports within this long. */
const EVERY_MS = 5 * 60 * 1000;

/**
 * Closes past days now and every few minutes: bookings never checked in become no-shows, and
 * idempotency keys older than a day are forgotten.
 * Every server process runs it; the changes are conditional, so running it twice is harmless.
 */
export function startDayCloser(ctx: AppContext, logger: Logger): () => void {
  const run = () =>
    Promise.all([closeDaysEverywhere(ctx), forgetIdempotencyKeys(ctx)]).then(
      ([closed]) => closed > 0 && logger.info({ closed }, 'closed past days: no-shows recorded'),
      (error: unknown) => logger.warn({ err: error }, 'closing past days failed'),
    );
  void run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
