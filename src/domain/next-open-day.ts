import type { DayAvailability } from './availability.js';
import type { LocalDate } from './local-date.js';

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
