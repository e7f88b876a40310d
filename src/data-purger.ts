import type { Logger } from 'pino';
import { purgePersonalData } from './app/privacy/commands/purge-personal-data.js';
import type { AppContext } from './app/shared/context.js';
import { startPeriodicJob } from './periodic-job.js';

/**
 * How often personal data past its retention is looked for. Retention counts in days, so an
 * hour late is nothing; the search is one indexed query per office.
 */
const EVERY_MS = 60 * 60 * 1000;

/**
 * Erases personal data past each office's retention now and every hour, on the app's clock
 * (`npm run antrean -- purge` does the same at once). Every server process may run it: the
 * erasure is conditional on rows not yet erased, so two runs erase each row once.
 */
export function startDataPurger(ctx: AppContext, logger: Logger): () => Promise<void> {
  return startPeriodicJob(EVERY_MS, async () => {
    try {
      const erased = await purgePersonalData(ctx);
      if (erased > 0) logger.info({ erased }, 'personal data past its retention erased');
    } catch (error) {
      logger.warn({ err: error }, 'erasing personal data past its retention failed');
    }
  });
}
