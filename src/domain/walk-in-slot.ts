import type { DayAvailability, SessionAvailability } from './availability.js';
import type { LocalDate } from './local-date.js';
import { nextDayWithPlaces } from './next-open-day.js';

/**
 * Where a walk-in goes: the first open day after today, in its earliest session with places,
 * as the seed office does. Never today, even where same-day booking is on: the person is
 * standing at the desk because today's places are gone or the day is under way.
 */
export function walkInSlot(days: readonly DayAvailability[], today: LocalDate): { date: LocalDate; session: SessionAvailability } | null {
  const day = nextDayWithPlaces(days, today);
  const session = day?.sessions.find((s) => s.bookable);
  return day && session ? { date: day.date, session } : null;
}
