import type { FieldProblem } from './errors.js';
import { addDays, type LocalDate, instantOf, todayIn } from './local-date.js';

/**
 * Limits that keep places from going to brokers and bots without touching people who share an
 * address: they count per person (NIK) and per phone number, never per network address.
 */

/** Online bookings per phone number and per NIK in a calendar month at one office; 0: no limit. */
export interface BookingLimits {
  perPhonePerMonth: number;
  perNikPerMonth: number;
}

/** After `noShows` no-shows within `withinDays` days, a NIK may not book online for `blockDays` days (the desk still can). */
export interface NoShowPolicy {
  enabled: boolean;
  noShows: number;
  withinDays: number;
  blockDays: number;
}

export const DEFAULT_BOOKING_LIMITS: BookingLimits = { perPhonePerMonth: 4, perNikPerMonth: 4 };
export const DEFAULT_NO_SHOW_POLICY: NoShowPolicy = { enabled: false, noShows: 3, withinDays: 90, blockDays: 30 };

/** Ranges an admin may set: generous, but a typo cannot block a NIK for years. */
export const GUARD_LIMITS = {
  perMonth: { min: 0, max: 100 },
  noShows: { min: 1, max: 20 },
  withinDays: { min: 1, max: 365 },
  blockDays: { min: 1, max: 365 },
} as const;

/** Field problems of changed limits and policy, under the names the API uses. */
export function guardSettingProblems(limits: Partial<BookingLimits> | undefined, policy: Partial<NoShowPolicy> | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (field: string, value: number | undefined, range: { min: number; max: number }) => {
    if (value !== undefined && (!Number.isInteger(value) || value < range.min || value > range.max)) problems.push({ field, problem: 'NUMBER_RANGE' });
  };
  check('bookingLimits.perPhonePerMonth', limits?.perPhonePerMonth, GUARD_LIMITS.perMonth);
  check('bookingLimits.perNikPerMonth', limits?.perNikPerMonth, GUARD_LIMITS.perMonth);
  check('noShowPolicy.noShows', policy?.noShows, GUARD_LIMITS.noShows);
  check('noShowPolicy.withinDays', policy?.withinDays, GUARD_LIMITS.withinDays);
  check('noShowPolicy.blockDays', policy?.blockDays, GUARD_LIMITS.blockDays);
  return problems;
}

/** The calendar month on the office's clock that holds `now`, as instants: `from` included, `to` not. */
export function monthAround(zone: string, now: Date): { from: Date; to: Date } {
  const today = todayIn(zone, now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: instantOf(first, '00:00', zone), to: instantOf(next, '00:00', zone) };
}

/** How far back no-shows matter today: the window of the policy plus the length of a block it may still impose. */
export function noShowLookBack(policy: NoShowPolicy, today: LocalDate): LocalDate {
  return addDays(today, -(policy.withinDays + policy.blockDays));
}

/**
 * The last day of a block in force today, or null when none is. A block starts on the day of
 * the no-show that made `noShows` within `withinDays` days (that day and the ones before it
 * within the window) and lasts `blockDays` days; `dates` are the NIK's no-show dates in any order.
 */
export function noShowBlockedUntil(policy: NoShowPolicy, dates: LocalDate[], today: LocalDate): LocalDate | null {
  if (!policy.enabled || policy.noShows < 1) return null;
  const sorted = [...dates].sort();
  let until: LocalDate | null = null;
  for (let i = policy.noShows - 1; i < sorted.length; i++) {
    const trigger = sorted[i]!;
    const earliest = sorted[i - (policy.noShows - 1)]!;
    if (earliest <= addDays(trigger, -policy.withinDays)) continue;
    const last = addDays(trigger, policy.blockDays);
    if (until === null || last > until) until = last;
  }
  return until !== null && today <= until ? until : null;
}
