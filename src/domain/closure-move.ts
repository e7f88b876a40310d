import type { DayAvailability, SessionAvailability } from './availability.js';
import type { LocalDate } from './local-date.js';
import { minutesOfDay } from './local-date.js';
import type { ClosureCause } from './ticket-status.js';

/** Where a booking of a closed day goes: a date and one of its sessions. */
export interface ClosureTarget {
  date: LocalDate;
  session: SessionAvailability;
}

/**
 * Where a booking of a day the office closed goes: the first open day after the closed one
 * with a bookable place in a session starting at the booking's own time, or failing that the
 * nearest later session of that day. Never an earlier one: someone who booked 13.00 may not
 * be free in the morning (the seed office promises exactly that). Sessions are matched by
 * start time, not id, because another weekday may have other sessions. Null when no planned
 * day has room: the booking is then cancelled.
 */
export function closureTarget(days: readonly DayAvailability[], closedDate: LocalDate, sessionStart: string): ClosureTarget | null {
  const start = minutesOfDay(sessionStart);
  for (const day of days) {
    if (day.date <= closedDate || !day.open) continue;
    const session = day.sessions
      .filter((s) => s.bookable && minutesOfDay(s.start) >= start)
      .sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start))[0];
    if (session) return { date: day.date, session };
  }
  return null;
}

/** A booking of a closed day as the mover sees it: enough to put the day's bookings in queue order. */
export interface ClosedDayBooking {
  id: number;
  sessionStart: string;
  queueNumber: string;
}

/**
 * The order bookings of a closed day are moved in: the day's queue order, earlier sessions
 * first and within a session by queue number, so those who booked first get the nearest places.
 */
export function inQueueOrder<T extends ClosedDayBooking>(bookings: readonly T[]): T[] {
  const sequence = (q: string) => Number(q.replace(/^\D+/, '')) || 0;
  return [...bookings].sort(
    (a, b) => minutesOfDay(a.sessionStart) - minutesOfDay(b.sessionStart) || sequence(a.queueNumber) - sequence(b.queueNumber) || a.id - b.id,
  );
}

/** What a closure's event records in its note: the cause, and for a move where the booking was. */
export interface ClosureNote extends ClosureCause {
  from?: { date: LocalDate; sessionStart: string; queueNumber: string };
}

/**
 * The event note of a move or cancel for a closure, as JSON: the ticket page and the later
 * notifications read the reason back from it, and it outlives the closure itself (reopening
 * a day deletes the closure, never the reason people were given).
 */
export function closureNote(note: ClosureNote): string {
  return JSON.stringify(note);
}

/** The cause read back from a closure event's note; null for a note of another shape. */
export function parseClosureNote(note: string | null): ClosureNote | null {
  if (!note) return null;
  try {
    const value = JSON.parse(note) as Partial<ClosureNote> | null;
    if (!value || typeof value.date !== 'string' || typeof value.reason !== 'string') return null;
    const from = value.from;
    const validFrom = from && typeof from.date === 'string' && typeof from.sessionStart === 'string' && typeof from.queueNumber === 'string';
    return { date: value.date, reason: value.reason, ...(validFrom ? { from } : {}) };
  } catch {
    return null;
  }
}
