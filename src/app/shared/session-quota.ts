import { lockSessionDay } from '../../db/repositories/bookings.js';
import type { Executor } from '../../db/repositories/offices.js';
import { readSessionDay, type SessionDay } from '../../db/repositories/schedule.js';
import { hasRoom, notYetOpen } from '../../domain/availability.js';
import { DomainError } from '../../domain/errors.js';
import { isoWeekday } from '../../domain/local-date.js';
import { nextOpeningAt, onlinePlacesAt } from '../../domain/release-schedule.js';
import { placesFor } from '../../domain/schedule.js';
import { releaseRulesOf } from '../office/release-rules.js';

/** Which place a booking wants, and by which channel (online bookings leave the desk's share). */
export interface QuotaRequest {
  officeId: number;
  sessionId: number;
  date: string;
  channel: 'online' | 'desk' | 'walk_in';
  /** The instant the booking is made at: online, only the places released by then may be taken. */
  now: Date;
}

/**
 * Takes the session's lock on the date and checks, under it, that one more booking fits and
 * that the date is still open: the places, the bookings and the closures are read after the
 * lock, so a schedule change or a closure that committed before is obeyed exactly (both take
 * the same locks, see lockSessionDaysFrom; a booking that took the lock before a closure is
 * committed before it and moved with the rest). Online, the limit is the share of the session
 * released by `now` (see release-schedule); the desk and walk-ins may fill every place.
 * Returns the next sequence number.
 */
export async function takeSessionPlace(trx: Executor, req: QuotaRequest): Promise<number> {
  const sequence = await lockSessionDay(trx, req.officeId, req.sessionId, req.date);
  const day = await readSessionDay(trx, { officeId: req.officeId, sessionId: req.sessionId, date: req.date, weekday: isoWeekday(req.date) });
  if (!day) throw new DomainError('NOT_BOOKABLE', { date: req.date, reason: 'unknown_session' });
  const limit = sessionLimit(day, req);
  if (limit === 0 && req.channel === 'online') {
    const opens = nextOpeningAt(day.capacity, req.date, releaseRulesOf(day.office), day.office.timezone, req.now);
    if (opens) throw notYetOpen(req.date, opens, day.office.timezone);
  }
  if (!hasRoom(limit, day.active)) throw new DomainError('SESSION_FULL', { date: req.date });
  if (day.closed) throw new DomainError('CLOSED', { date: req.date });
  return sequence;
}

/**
 * How many active bookings a session may hold for a channel at an instant: online, the
 * released share of the places left after the desk's; the desk and walk-ins, all of them.
 */
function sessionLimit(places: SessionDay, req: QuotaRequest): number {
  if (req.channel !== 'online') return placesFor(req.channel, places.capacity, places.deskSharePercent);
  return onlinePlacesAt(places.capacity, req.date, releaseRulesOf(places.office), places.office.timezone, req.now);
}
