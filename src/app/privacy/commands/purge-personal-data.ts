import { eraseFinishedEntries } from '../../../db/repositories/draws.js';
import { listOffices } from '../../../db/repositories/offices.js';
import { erasePersonalData, forgetUnreachablePhonesOf, listErasableBookingIds } from '../../../db/repositories/personal-data.js';
import { todayIn } from '../../../domain/local-date.js';
import { erasureCutoff } from '../../../domain/retention.js';
import type { AppContext } from '../../shared/context.js';
import { nextTurn } from '../../shared/next-turn.js';

/**
 * Bookings erased per transaction: short transactions with a turn of the event loop between
 * them, so bookings never wait long behind a purge (on SQLite, 10,000 bookings past retention
 * held the process for 1.3 s in one go; a batch takes about 30 ms).
 */
const BATCH = 200;

/**
 * Erases the personal data of every booking past its office's retention: NIK, name, phone and
 * email of bookings whose appointment was more than `retention_days` ago, and of cancelled
 * bookings cancelled that long ago; with them the recipients and words of their messages. The
 * rows stay, anonymous, so reports count them as before. Then, on SQLite, the write-ahead log
 * is checkpointed so no old copy of the pages survives there. Draw entries no longer needed are
 * erased too. Returns how many bookings and entries were erased.
 */
export async function purgePersonalData(ctx: AppContext): Promise<number> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const at = now.toISOString();
  let erased = 0;
  for (const office of await listOffices(db)) {
    const cutoff = erasureCutoff(todayIn(office.timezone, now), Number(office.retention_days), office.timezone);
    for (let batch = 0; ; batch++) {
      if (batch > 0) await nextTurn();
      const done = await db.transaction().execute(async (trx) => {
        const ids = await listErasableBookingIds(trx, { officeId: office.id, ...cutoff, limit: BATCH });
        await forgetUnreachablePhonesOf(trx, ids);
        await erasePersonalData(trx, ids, at);
        return ids.length;
      });
      erased += done;
      if (done < BATCH) break;
    }
    // Release draw entries: their booking holds the person once the draw is made; a draw whose
    // day is over without being made needs none of it either.
    erased += await eraseFinishedEntries(db, { officeId: office.id, beforeDate: todayIn(office.timezone, now), at });
  }
  if (erased > 0) await ctx.storage.engine.flushErasedPages(ctx.storage.db);
  return erased;
}
