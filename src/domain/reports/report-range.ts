import { InvalidInputError } from '../errors.js';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../local-date.js';

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

/** The range cut into consecutive pieces of at most `days` dates, in order, together covering it exactly. */
export function splitRange(from: LocalDate, to: LocalDate, days: number): { from: LocalDate; to: LocalDate }[] {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`A piece must hold at least one whole day, got ${days}`);
  const pieces: { from: LocalDate; to: LocalDate }[] = [];
  for (let start = from; daysBetween(start, to) >= 0; start = addDays(start, days)) {
    const end = addDays(start, days - 1);
    pieces.push({ from: start, to: daysBetween(end, to) < 0 ? to : end });
  }
  return pieces;
}
