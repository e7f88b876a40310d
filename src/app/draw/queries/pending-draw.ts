import { listUnfinishedDraws } from '../../../db/repositories/draws.js';
import { writeWatchOf } from '../../../db/repositories/write-watch.js';
import type { OfficeRow } from '../../../db/schema.js';
import { drawsReadStillHold } from '../../../domain/release-schedule.js';
import { releaseRulesOf } from '../../office/release-rules.js';
import type { AppContext } from '../../shared/context.js';
import { READ_CACHE_MAX_AGE_MS } from '../../shared/read-cache.js';

/** Seconds a client is told to wait while a draw whose window has closed is being made. */
export const DRAW_RETRY_AFTER_SECONDS = 3;

interface KeptRead {
  draws: readonly { date: string; draw_at: string }[];
  /** The write generation of `draws` in this process before the read. */
  generation: number;
  /** ctx.now() of the request that read, in ms: no later than the read itself. */
  readAt: number;
  /** performance.now() at the read. */
  monotonic: number;
}

/** Per database, per office: the office's unfinished draws as last read. */
const kept = new WeakMap<object, Map<number, KeptRead>>();

/**
 * Whether a draw of the date has closed its window but not been made yet: online bookings of
 * the date wait for it. Every booking attempt asks, so the office's unfinished draws (few at any
 * time) are kept per process and read again only when they may be out of date: after a write
 * to draws through this process, after READ_CACHE_MAX_AGE_MS, whenever the kept list itself
 * shows a draw of the date pending (its end must be seen at once), and, where other processes
 * write the database (PostgreSQL), when a window of the date closed since shortly before the
 * read (a first entry in another process may have made a draw this read lacks; see
 * `drawsReadStillHold`). A read within a transaction is never kept.
 */
export async function isDrawPending(ctx: AppContext, office: OfficeRow, date: string, now: Date): Promise<boolean> {
  const pendingIn = (draws: KeptRead['draws']) => {
    const at = now.toISOString();
    return draws.some((d) => d.date === date && d.draw_at <= at);
  };
  const db = ctx.storage.db;
  const watch = writeWatchOf(db);
  if (!watch) return pendingIn(await listUnfinishedDraws(db, office.id));

  let byOffice = kept.get(db);
  if (!byOffice) kept.set(db, (byOffice = new Map()));
  const generation = watch.generation(['draws']);
  const last = byOffice.get(office.id);
  if (
    last &&
    last.generation === generation &&
    performance.now() - last.monotonic < READ_CACHE_MAX_AGE_MS &&
    now.getTime() >= last.readAt &&
    (!watch.shared || drawsReadStillHold(date, releaseRulesOf(office), office.timezone, new Date(last.readAt), now)) &&
    !pendingIn(last.draws)
  ) {
    return false;
  }
  // Generation and times are taken before reading: a write racing the read makes the entry stale at once.
  const monotonic = performance.now();
  const draws = await listUnfinishedDraws(db, office.id);
  byOffice.set(office.id, { draws, generation, readAt: now.getTime(), monotonic });
  return pendingIn(draws);
}
