import { closedDaysBetween } from '../../../db/repositories/calendar.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { Closure } from '../../../domain/availability.js';
import { DomainError } from '../../../domain/errors.js';
import type { LocalDate } from '../../../domain/local-date.js';

/** The office's dated closures in a range, keyed by date. */
export async function closuresBetween(
  db: Executor,
  officeId: number,
  from: LocalDate,
  to: LocalDate,
): Promise<Map<LocalDate, Exclude<Closure, { kind: 'weekend' }>>> {
  const rows = await closedDaysBetween(db, officeId, from, to);
  return new Map(rows.map((r) => [r.date, { kind: r.kind, name: r.reason }]));
}


/**
 * Refuses a date closed since the caller planned it. Call it after taking the session's lock:
 * a closure is recorded under the locks of its day's sessions, so a booking that takes a lock
 * after the closure sees it here, and one that took it before is committed before the closure
 * and is moved with the rest.
 */
export async function assertStillOpen(db: Executor, officeId: number, date: LocalDate): Promise<void> {
  const closed = await closuresBetween(db, officeId, date, date);
  if (closed.size > 0) throw new DomainError('CLOSED', { date });
}
