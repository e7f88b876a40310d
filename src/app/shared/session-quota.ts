import { countActiveInSession, lockSessionDay } from '../../db/repositories/bookings.js';
import type { Executor } from '../../db/repositories/offices.js';
import { placesOn } from '../../db/repositories/schedule.js';
import { hasRoom } from '../../domain/availability.js';
import { DomainError } from '../../domain/errors.js';
import { isoWeekday } from '../../domain/local-date.js';
import { placesFor } from '../../domain/schedule.js';

/** Which place a booking wants, and by which channel (online bookings leave the desk's share). */
export interface QuotaRequest {
  officeId: number;
  sessionId: number;
  date: string;
  channel: 'online' | 'desk' | 'walk_in';
}

/**
 * Takes the session's lock on the date and checks, under it, that one more booking fits: the
 * places are read after the lock, so a schedule change that committed before is obeyed exactly
 * (a change takes the same locks, see lockSessionDaysFrom). Returns the next sequence number.
 */
export async function takeSessionPlace(trx: Executor, req: QuotaRequest): Promise<number> {
  const sequence = await lockSessionDay(trx, req.officeId, req.sessionId, req.date);
  const places = await placesOn(trx, req.officeId, req.sessionId, req.date, isoWeekday(req.date));
  if (!places) throw new DomainError('NOT_BOOKABLE', { date: req.date, reason: 'unknown_session' });
  const active = await countActiveInSession(trx, req.officeId, req.sessionId, req.date);
  if (!hasRoom(placesFor(req.channel, places.capacity, places.deskSharePercent), active)) throw new DomainError('SESSION_FULL', { date: req.date });
  return sequence;
}
