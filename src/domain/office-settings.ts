import type { FieldProblem } from './errors.js';

/** A slug as it appears in addresses (`/o/kota-bogor`): lower-case letters and digits joined by single dashes. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The zones an office may be in: Indonesia's, which pages and tickets name WIB, WITA or WIT.
 * Any other IANA zone is real but refused: tickets, calendar files and the day's arithmetic
 * assume a zone without daylight saving and with an Indonesian label.
 */
export const OFFICE_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/** The rules an office books by, as the admin sets them. */
export interface BookingRules {
  /** How many days ahead a citizen may book, counted from today. */
  bookingDaysAhead: number;
  /** Whether today's sessions can still be booked online. */
  sameDayBooking: boolean;
  /** Check-in opens this many minutes before a session starts… */
  checkInBeforeMinutes: number;
  /** …and closes this many minutes after it ends. */
  checkInAfterMinutes: number;
  /**
   * How early before its session a person may check in without a reason (elderly people come
   * early); checked in that early, they are called from their session's start.
   */
  earlyCheckInMinutes: number;
  /** Percent of each session's places online booking leaves for the desk. */
  deskSharePercent: number;
}

/** Ranges of the booking rules; outside them a value is a slip. */
export const RULE_LIMITS = {
  bookingDaysAhead: { min: 1, max: 90 },
  checkInBeforeMinutes: { min: 0, max: 240 },
  checkInAfterMinutes: { min: 0, max: 240 },
  earlyCheckInMinutes: { min: 0, max: 360 },
  deskSharePercent: { min: 0, max: 100 },
} as const;

/** Whether a time zone name is one the runtime knows (a real IANA zone). */
export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** What is wrong with a slug, or null. */
export function slugProblem(slug: string): string | null {
  if (slug.length < 2 || slug.length > 64 || !SLUG_PATTERN.test(slug)) return 'SLUG_INVALID';
  return null;
}

/** What is wrong with a zone, or null: not a zone at all, or a real one offices cannot use. */
export function zoneProblem(zone: string): string | null {
  if (!isIanaZone(zone)) return 'TIMEZONE_INVALID';
  if (!(OFFICE_ZONES as readonly string[]).includes(zone)) return 'TIMEZONE_NOT_SERVED';
  return null;
}

/** What is wrong with the given booking rules, one problem per field. */
export function ruleProblems(rules: Partial<BookingRules>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(RULE_LIMITS) as (keyof typeof RULE_LIMITS)[]) {
    const value = rules[key];
    if (value === undefined) continue;
    const { min, max } = RULE_LIMITS[key];
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field: key, problem: 'NUMBER_RANGE' });
  }
  return problems;
}

