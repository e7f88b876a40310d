/** Which days a citizen may book, counted on the office's calendar. */
import { addDays, isLocalDate, type LocalDate } from './local-date.js';

/** The first and last bookable dates, both included; empty when `first` is after `last`. */
export interface BookingWindow {
  first: LocalDate;
  last: LocalDate;
}

/** What decides the window. */
export interface BookingWindowOptions {
  /** Today on the office's calendar (see `todayIn`). */
  today: LocalDate;
  /** Whether today itself can still be booked; otherwise booking starts tomorrow. */
  sameDayBooking: boolean;
  /** How many days past today the last bookable day lies (0 = today is the last). */
  daysAhead: number;
}

/** The range of bookable dates; closed days inside it are the calendar's business, not this. */
export function bookingWindow({ today, sameDayBooking, daysAhead }: BookingWindowOptions): BookingWindow {
  if (!Number.isInteger(daysAhead) || daysAhead < 0) {
    throw new RangeError(`daysAhead must be a whole number of days, 0 or more, got ${daysAhead}`);
  }
  return { first: sameDayBooking ? today : addDays(today, 1), last: addDays(today, daysAhead) };
}

/** True when `date` is a real date within the window, ends included. */
export function isInWindow(date: LocalDate, window: BookingWindow): boolean {
  // YYYY-MM-DD strings of equal length sort as the dates they name, so plain comparison works.
  return isLocalDate(date) && window.first <= date && date <= window.last;
}
