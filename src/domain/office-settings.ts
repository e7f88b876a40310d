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


/** How an office is reached and recognised, as the admin sets it; empty strings mean none. */
export interface OfficeContact {
  /** A phone number as people dial it, landlines included: `(0251) 832-1075`. */
  contactPhone: string;
  contactEmail: string;
  /** The logo as an image data URL, or empty. */
  logo: string;
}

/** Kinds of logo image accepted: what every phone browser shows. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;

/**
 * Largest logo as a data URL. Small on purpose: it is on every page of a phone on slow data, and
 * the request body holds it whole (the API's limit is 16 KB).
 */
export const MAX_LOGO_CHARS = 12_000;

const PHONE_TEXT = /^\+?[0-9(][0-9 ().-]{4,30}$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const LOGO = /^data:(image\/(?:png|jpeg|webp|svg\+xml));base64,[A-Za-z0-9+/]+={0,2}$/;

/** What is wrong with the given contact fields, one problem per field. */
export function contactProblems(c: Partial<OfficeContact>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.contactPhone !== undefined && c.contactPhone !== '' && !PHONE_TEXT.test(c.contactPhone)) problems.push({ field: 'contactPhone', problem: 'CONTACT_PHONE_INVALID' });
  if (c.contactEmail !== undefined && c.contactEmail !== '' && (c.contactEmail.length > 120 || !EMAIL.test(c.contactEmail))) {
    problems.push({ field: 'contactEmail', problem: 'EMAIL_INVALID' });
  }
  if (c.logo !== undefined && c.logo !== '') {
    if (c.logo.length > MAX_LOGO_CHARS) problems.push({ field: 'logo', problem: 'LOGO_TOO_LARGE' });
    else if (!LOGO.test(c.logo)) problems.push({ field: 'logo', problem: 'LOGO_INVALID' });
  }
  return problems;
}

/** The type and bytes of a logo data URL that `contactProblems` accepted, or null. */
export function decodeLogo(logo: string): { type: (typeof LOGO_TYPES)[number]; bytes: Uint8Array } | null {
  const m = LOGO.exec(logo);
  if (!m?.[1]) return null;
  return { type: m[1] as (typeof LOGO_TYPES)[number], bytes: Uint8Array.from(atob(logo.slice(logo.indexOf(',') + 1)), (ch) => ch.charCodeAt(0)) };
}
