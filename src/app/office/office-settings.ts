import { createHash } from 'node:crypto';
import type { ScheduledSession } from '../../db/repositories/schedule.js';
import type { OfficeRow } from '../../db/schema.js';
import type { ReminderSettings } from '../../domain/messages/reminder-schedule.js';
import type { BookingRules } from '../../domain/office-settings.js';
import type { ReleaseRules } from '../../domain/release-schedule.js';
import { releaseRulesOf } from './release-rules.js';
import { inDayOrder, type SessionSpec, type WeekdaySessions } from '../../domain/schedule.js';
import type { BookingLimits, NoShowPolicy } from '../../domain/booking-guards.js';
import { bookingLimitsOf, noShowPolicyOf } from '../booking/booking-guards.js';

/** An office's settings as the admin sees and changes them. */
export interface OfficeSettings extends BookingRules, ReminderSettings {
  slug: string;
  name: string;
  address: string;
  timezone: string;
  /** The office's public phone number; empty for none. */
  contactPhone: string;
  /** The office's public email address; empty for none. */
  contactEmail: string;
  /** Where the logo is served, its version in the query so a new one is fetched at once; null for none. */
  logoUrl: string | null;
  /** Days after the appointment date that a booking's personal data is kept. */
  retentionDays: number;
  /** Online bookings per phone number and per NIK in a calendar month; 0: no limit. */
  bookingLimits: BookingLimits;
  /** Online booking refused for a while after repeated no-shows; off by default. */
  noShowPolicy: NoShowPolicy;
  /** When a day's places open online; `daysAhead` and `deskShare` are `bookingDaysAhead` and `deskSharePercent` again. */
  release: ReleaseRules;
}

/** The address of an office's logo, with a version that changes with the image; null when it has none. */
export function logoUrlOf(o: Pick<OfficeRow, 'slug' | 'logo'>): string | null {
  if (!o.logo) return null;
  return `/o/${o.slug}/logo?v=${createHash('sha256').update(o.logo).digest('hex').slice(0, 10)}`;
}

/** The settings of an office row; also what the audit records before and after a change. */
export function officeSettingsOf(o: OfficeRow): OfficeSettings {
  return {
    slug: o.slug,
    name: o.name,
    address: o.address,
    timezone: o.timezone,
    contactPhone: o.contact_phone,
    contactEmail: o.contact_email,
    logoUrl: logoUrlOf(o),
    bookingDaysAhead: Number(o.booking_days_ahead),
    sameDayBooking: Number(o.same_day_booking) === 1,
    checkInBeforeMinutes: Number(o.check_in_before_minutes),
    checkInAfterMinutes: Number(o.check_in_after_minutes),
    earlyCheckInMinutes: Number(o.early_check_in_minutes),
    deskSharePercent: Number(o.desk_share_percent),
    retentionDays: Number(o.retention_days),
    bookingLimits: bookingLimitsOf(o),
    noShowPolicy: noShowPolicyOf(o),
    ...reminderSettingsOf(o),
    release: releaseRulesOf(o),
  };
}

/** The reminder and turn-near settings of an office row. */
export function reminderSettingsOf(o: OfficeRow): ReminderSettings {
  return {
    reminderEveningEnabled: Number(o.reminder_evening_enabled) === 1,
    reminderEveningHour: Number(o.reminder_evening_hour),
    reminderBeforeEnabled: Number(o.reminder_before_enabled) === 1,
    reminderHoursBefore: Number(o.reminder_hours_before),
    turnNearAhead: Number(o.turn_near_ahead),
  };
}

/** The whole week as one document: every weekday 1–7 in order, closed ones with no sessions. */
export interface WeekDocument {
  weekdays: WeekdaySessions[];
}

/** A session as the documents show it. */
export function specOf(s: ScheduledSession): SessionSpec {
  return { start: s.start_time, end: s.end_time, capacity: s.capacity };
}

/** The week document of an office's weekly rows. */
export function weekDocumentOf(rows: (ScheduledSession & { weekday: number })[]): WeekDocument {
  return {
    weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, sessions: inDayOrder(rows.filter((r) => r.weekday === weekday).map(specOf)) })),
  };
}
