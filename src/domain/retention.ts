import type { FieldProblem } from './errors.js';
import { addDays, instantOf, type LocalDate } from './local-date.js';

/** Days after the appointment a booking's personal data is kept unless the office sets otherwise (what the form always promised). */
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * The range an office may set. At least a day, so a complaint about the visit can still be
 * looked into; at most a year: the law asks to keep data only as long as the purpose needs.
 */
export const RETENTION_LIMITS = { min: 1, max: 365 } as const;

/** What is wrong with a retention setting, or nothing. */
export function retentionProblems(days: number | undefined): FieldProblem[] {
  if (days === undefined) return [];
  if (!Number.isInteger(days) || days < RETENTION_LIMITS.min || days > RETENTION_LIMITS.max) return [{ field: 'retentionDays', problem: 'NUMBER_RANGE' }];
  return [];
}

/** Which bookings' personal data is due to be erased at an office on `today`. */
export interface ErasureCutoff {
  /** Bookings for a date before this one: their appointment was more than the retention ago. */
  appointmentBefore: LocalDate;
  /** Cancelled bookings changed before this instant (ISO UTC): cancelled more than the retention ago. */
  cancelledBefore: string;
}

/**
 * The cutoff of an office's retention on its local `today`: with 30 days, a booking for
 * 1 December keeps its data through 31 December and loses it on 1 January.
 */
export function erasureCutoff(today: LocalDate, retentionDays: number, zone: string): ErasureCutoff {
  const first = addDays(today, -retentionDays);
  return { appointmentBefore: first, cancelledBefore: instantOf(first, '00:00', zone).toISOString() };
}

/** The date a booking's personal data goes at the latest: the day after its retention ends. */
export function erasureDate(appointment: LocalDate, retentionDays: number): LocalDate {
  return addDays(appointment, retentionDays + 1);
}
