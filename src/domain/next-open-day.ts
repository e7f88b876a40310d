import type { DayAvailability, SessionAvailability } from './availability.js';
import { daysBetween, type LocalDate, minutesOfDay } from './local-date.js';

/** Places a citizen can still book on a day: the remaining places of its bookable sessions. */
export function bookablePlaces(day: DayAvailability): number {
  return day.sessions.reduce((sum, s) => sum + (s.bookable ? s.remaining : 0), 0);
}

/**
 * The first day after `after` that is open and still has a bookable place, or null when the
 * planned days hold none. This is what a citizen is offered when the day they wanted is full;
 * closed days (weekends, holidays, cuti bersama) are skipped because they have no sessions.
 */
export function nextDayWithPlaces(days: readonly DayAvailability[], after: LocalDate): DayAvailability | null {
  return days.find((d) => d.date > after && d.open && bookablePlaces(d) > 0) ?? null;
}

/** A session of a day, as the nearest free one is offered. */
export interface SlotWithPlaces {
  day: DayAvailability;
  session: SessionAvailability;
}

/**
 * The bookable session with places nearest in time to the wanted one (which has just filled),
 * a later one winning a tie: offered in its place, so a citizen whose time filled while they
 * checked their details can take the next best with one tap. Null when no session has places.
 */
export function nearestSessionWithPlaces(days: readonly DayAvailability[], wanted: { date: LocalDate; sessionId: number }): SlotWithPlaces | null {
  const wantedDay = days.find((d) => d.date === wanted.date);
  const wantedStart = wantedDay?.sessions.find((s) => s.id === wanted.sessionId)?.start ?? '00:00';
  const at = (date: LocalDate, start: string) => daysBetween(wanted.date, date) * 1440 + minutesOfDay(start) - minutesOfDay(wantedStart);
  let best: (SlotWithPlaces & { distance: number; later: boolean }) | null = null;
  for (const day of days) {
    if (!day.open) continue;
    for (const session of day.sessions) {
      if (!session.bookable || session.remaining <= 0) continue;
      if (day.date === wanted.date && session.id === wanted.sessionId) continue;
      const offset = at(day.date, session.start);
      const distance = Math.abs(offset);
      if (!best || distance < best.distance || (distance === best.distance && offset > 0 && !best.later)) best = { day, session, distance, later: offset > 0 };
    }
  }
  return best ? { day: best.day, session: best.session } : null;
}
