import type { Logger } from 'pino';
import { enqueueDueReminders } from './app/notify/commands/enqueue-due-reminders.js';
import type { AppContext } from './app/shared/context.js';
import { startPeriodicJob } from './periodic-job.js';

/**
 * How often the bookings are searched for reminders now due. A reminder goes out within this
 * long of its time (18.00 becomes 18.00–18.01); the search reads only today's and tomorrow's
 * bookings that are still booked, one indexed query per office.
 */
const EVERY_MS = 60 * 1000;

/**
 * Queues due reminders now and every minute, on the app's clock. Every server process runs
 * it: the outbox's dedupe key lets only one of them queue each reminder, and the outbox
 * worker sends it. Nothing is kept in memory, so a restart misses nothing still due.
 */
export function startReminderFinder(ctx: AppContext, logger: Logger): () => Promise<void> {
  return startPeriodicJob(EVERY_MS, async () => {
    try {
      const { queued } = await enqueueDueReminders(ctx, { now: ctx.now() });
      if (queued > 0) logger.info({ queued }, 'reminders queued');
    } catch (error) {
      logger.warn({ err: error }, 'finding due reminders failed');
    }
  });
}
