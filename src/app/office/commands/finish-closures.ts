import { listUnfinishedClosures } from '../../../db/repositories/closures.js';
import { listOffices } from '../../../db/repositories/offices.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { AppContext } from '../../shared/context.js';
import { moveBookingsOffClosedDay } from './move-closed-day-bookings.js';

/**
 * A closure's request normally moves its whole day in seconds; only one recorded longer ago
 * than this, with bookings still on it, is taken for unfinished (its process died).
 */
export const UNFINISHED_AFTER_MS = 2 * 60 * 1000;

/**
 * The background step: finishes emptying closed days whose request stopped halfway. Every
 * process runs it; a booking moves only while it is still on the closed day, so two runs
 * never move one booking twice. Past days are left to the day closer. Returns how many
 * bookings were moved or cancelled.
 */
export async function finishClosures(ctx: AppContext): Promise<number> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const unfinished = await listUnfinishedClosures(db, new Date(now.getTime() - UNFINISHED_AFTER_MS).toISOString());
  if (!unfinished.length) return 0;
  const offices = new Map((await listOffices(db)).map((o) => [o.id, o]));
  let done = 0;
  for (const closure of unfinished) {
    const office = offices.get(closure.office_id);
    if (!office || closure.date < officeClock(office, now).today) continue;
    const moves = await moveBookingsOffClosedDay(ctx, office, { date: closure.date, reason: closure.reason });
    done += moves.moved.length + moves.cancelled.length;
  }
  return done;
}
