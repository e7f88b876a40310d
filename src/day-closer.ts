import type { Logger } from 'pino';
import { closeDaysEverywhere } from './app/floor/commands/close-day.js';
import type { AppContext } from './app/shared/context.js';
import { forgetIdempotencyKeys } from './app/booking/commands/forget-idempotency-keys.js';
import { finishClosures } from './app/office/commands/finish-closures.js';
import { startPeriodicJob } from './periodic-job.js';

/** How often past days are closed; a no-show shows up in reports within this long. */
const EVERY_MS = 5 * 60 * 1000;

/**
 * Closes past days now and every few minutes: bookings never checked in become no-shows, and
 * idempotency keys older than a day are forgotten. It also finishes moving the bookings of an
 * office closure whose request died halfway.
 * Every server process runs it; the changes are conditional, so running it twice is harmless.
 */
export function startDayCloser(ctx: AppContext, logger: Logger): () => Promise<void> {
  return startPeriodicJob(EVERY_MS, async () => {
    try {
      const [closed] = await Promise.all([closeDaysEverywhere(ctx), forgetIdempotencyKeys(ctx)]);
      if (closed > 0) logger.info({ closed }, 'closed past days: no-shows recorded');
    } catch (error) {
      logger.warn({ err: error }, 'closing past days failed');
    }
    try {
      const finished = await finishClosures(ctx);
      if (finished > 0) logger.info({ finished }, 'finished moving the bookings of closed days');
    } catch (error) {
      logger.warn({ err: error }, 'finishing closed days failed');
    }
  });
}
