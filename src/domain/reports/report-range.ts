import { InvalidInputError } from '../errors.js';
import { daysBetween, isLocalDate, type LocalDate } from '../local-date.js';

/**
 * The longest range a report covers: a year, leap day included. Longer ranges would read
 * several years of events in one request; a year is what a head of office compares against.
 */
export const MAX_REPORT_DAYS = 366;

/** Checks a report's date range: both real dates, `from` not after `to`, at most a year. Throws InvalidInputError naming the field. */
export function checkReportRange(from: LocalDate, to: LocalDate): { days: number } {
  if (!isLocalDate(from)) throw new InvalidInputError([{ field: 'from', problem: 'DATE_INVALID' }]);
  if (!isLocalDate(to)) throw new InvalidInputError([{ field: 'to', problem: 'DATE_INVALID' }]);
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new InvalidInputError([{ field: 'to', problem: 'RANGE_INVALID' }]);
  if (days > MAX_REPORT_DAYS) throw new InvalidInputError([{ field: 'to', problem: 'RANGE_TOO_LONG' }]);
  return { days };
}
