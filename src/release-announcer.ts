import type { Logger } from 'pino';
import { announceReleases } from './app/booking/commands/announce-releases.js';
import type { AppContext } from './app/shared/context.js';
import { startPeriodicJob } from './periodic-job.js';

/**
 * How often the clock is checked for a release wave that has come. An open booking page hears
 * of a wave within this long and reads its places again; a page without a stream polls.
 */
const EVERY_MS = 5 * 1000;

/**
 * Announces release waves to open booking pages as their time passes, on the app's clock,
 * from its start on (a wave before the start was shown by the page's own load). Every server
 * process runs it and announces to all through the bus, on the clock: waves fall on whole
 * minutes, so every process announces a wave at its very instant, together, and each open
 * stream sends the copies as one (it merges what comes within 250 ms). Checked every 5 s from
 * each process's own start, the processes announced up to 5 s apart, and every open page read
 * its places once per process at the release, when they are most asked for.
 */
export function startReleaseAnnouncer(ctx: AppContext, logger: Logger): () => void {
  let after = ctx.now();
  return startPeriodicJob(
    EVERY_MS,
    async () => {
      const upTo = ctx.now();
      if (upTo.getTime() <= after.getTime()) return;
      try {
        const announced = await announceReleases(ctx, { after, upTo });
        after = upTo;
        if (announced > 0) logger.info({ announced }, 'release waves announced to open booking pages');
      } catch (error) {
        logger.warn({ err: error }, 'announcing release waves failed');
      }
    },
    { onTheClock: true },
  );
}
