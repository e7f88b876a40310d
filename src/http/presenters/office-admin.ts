import { z } from 'zod';
import type { AuditLine } from '../../app/audit/queries/list-changes.js';
import type { OfficeSettings } from '../../app/office/office-settings.js';
import type { PlacesWarning } from '../../app/office/schedule-change.js';
import { formatDate, zoneAbbreviation } from '../../texts/indonesian-format.js';
import type { Lang } from '../../texts/lang.js';
import { errorText } from '../../texts/texts.js';

/** When a day's places open to online booking. */
export const ReleaseSchema = z
  .object({
    daysAhead: z.number().int().describe('A day opens this many days before itself, 1–90 (default 14); the same as `bookingDaysAhead`'),
    time: z.string().describe("HH:MM on the office's clock of the first (or only) wave (default 07:00)"),
    drawSeconds: z.number().int().describe('Length of the draw after each wave, 0–3600 (default 60); 0 is first come, first served'),
    deskShare: z.number().int().describe('Percent of each session held back from online booking for the desk, 0–100; the same as `deskSharePercent`'),
    waves: z
      .array(z.object({ time: z.string().describe('HH:MM'), percent: z.number().int().describe('Share of online places this wave opens') }))
      .nullable()
      .describe('Waves on the release day, times ascending, percents summing to 100, the first at `time`; null for one wave at `time`'),
  })
  .meta({ id: 'ReleaseRules' });

export const OfficeSettingsSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    address: z.string(),
    timezone: z.string().describe('IANA zone: Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura'),
    zoneLabel: z.string().describe('WIB, WITA or WIT, as pages and tickets show it'),
    contactPhone: z.string().describe('Shown on the home page; empty for none'),
    contactEmail: z.string().describe('Shown on the home page; empty for none'),
    logoUrl: z.string().nullable().describe('Where the logo is served; null for none'),
    bookingDaysAhead: z.number().int(),
    sameDayBooking: z.boolean(),
    checkInBeforeMinutes: z.number().int(),
    checkInAfterMinutes: z.number().int(),
    earlyCheckInMinutes: z.number().int().describe('Minutes before its session a person may check in without a reason; called from the session start'),
    deskSharePercent: z.number().int().describe('Percent of each session held back from online booking for the desk, rounded down'),
    reminderEveningEnabled: z.boolean().describe('A reminder the evening before the booking’s day'),
    reminderEveningHour: z.number().int().describe('Its hour on the office clock, 6–20 (default 18)'),
    reminderBeforeEnabled: z.boolean().describe('A reminder a set number of hours before the session'),
    reminderHoursBefore: z.number().int().describe('How many hours before, 1–24 (default 2); one falling in quiet hours (21.00–06.00) moves to 06.00 or is skipped'),
    turnNearAhead: z.number().int().describe('A checked-in person is told their turn nears with this many or fewer ahead in their line, 0–20; 0 is off (default 3)'),
    retentionDays: z.number().int().describe("Days after the appointment date that a booking's personal data is kept, 1–365 (default 30); then the purge erases it"),
    bookingLimits: z
      .object({ perPhonePerMonth: z.number().int(), perNikPerMonth: z.number().int() })
      .describe('Online bookings per phone number and per NIK in a calendar month of the office; 0: no limit'),
    noShowPolicy: z
      .object({ enabled: z.boolean(), noShows: z.number().int(), withinDays: z.number().int(), blockDays: z.number().int() })
      .describe('After `noShows` no-shows within `withinDays` days a NIK may not book online for `blockDays` days'),
    release: ReleaseSchema,
  })
  .meta({ id: 'OfficeSettings' });

/** An office's settings with the zone's label. */
export function presentOfficeSettings(s: OfficeSettings): z.infer<typeof OfficeSettingsSchema> {
  return { ...s, zoneLabel: zoneAbbreviation(s.timezone), release: { ...s.release, waves: s.release.waves ?? null } };
}

export const SessionSpecSchema = z.object({ start: z.string().describe('HH:MM'), end: z.string().describe('HH:MM'), capacity: z.number().int() });

export const WeekSchema = z
  .object({ weekdays: z.array(z.object({ weekday: z.number().int().describe('ISO weekday: 1 Monday … 7 Sunday'), sessions: z.array(SessionSpecSchema) })) })
  .meta({ id: 'WeekSchedule' });

export const PlacesWarningSchema = z
  .object({
    code: z.enum(['OVER_NEW_LIMIT', 'SESSION_DROPPED']),
    date: z.string(),
    sessionId: z.number().int(),
    start: z.string(),
    end: z.string(),
    booked: z.number().int(),
    capacity: z.number().int(),
    message: z.string().describe('e.g. "2026-12-07 08:00–09:00: 12 booked, new limit 10: nobody is removed."'),
  })
  .meta({ id: 'PlacesWarning' });

/** A warning with its words in the asker's language. */
export function presentWarning(w: PlacesWarning, lang: Lang): z.infer<typeof PlacesWarningSchema> {
  const vars = { date: formatDate(w.date, lang), start: w.start, end: w.end, booked: String(w.booked), capacity: String(w.capacity) };
  return { ...w, message: errorText(lang, w.code, vars) };
}

export const AuditLineSchema = z
  .object({
    kind: z.enum(['config', 'ticket']).describe('A configuration change (audit_log) or a ticket event (booking_events)'),
    at: z.string(),
    office: z.string().nullable(),
    user: z.string().nullable(),
    action: z.string().describe('config: office.create, schedule.update, day.set…; ticket: the event type'),
    subject: z.string().describe('config: what changed (slug, date…); ticket: the booking code'),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    queueNumber: z.string().optional(),
    fromStatus: z.string().nullable().optional(),
    toStatus: z.string().optional(),
    counter: z.number().int().nullable().optional(),
    note: z.string().nullable().optional(),
  })
  .meta({ id: 'AuditLine' });

/** An audit line as the API shows it. */
export function presentAuditLine(l: AuditLine): z.infer<typeof AuditLineSchema> {
  return { ...l };
}
