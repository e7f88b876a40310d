import type { FieldProblem } from '../errors.js';
import { addDays, instantOf, type LocalDate, minutesOfDay, timeIn } from '../local-date.js';

/**
 * Quiet hours on the office's clock: no reminder is sent from 21.00 until 06.00. People are
 * asleep or at prayer, and a WhatsApp message at night reads as spam.
 */
export const QUIET_HOURS = { from: '21:00', until: '06:00' } as const;

/** An office's reminder and turn-near settings, as the admin sets them. */
export interface ReminderSettings {
  /** Whether a reminder goes out the evening before the booking's day. */
  reminderEveningEnabled: boolean;
  /** The hour on the office's clock of the evening reminder (18 = 18.00); outside quiet hours. */
  reminderEveningHour: number;
  /** Whether a reminder goes out a set time before the session starts. */
  reminderBeforeEnabled: boolean;
  /** How many hours before the session's start that reminder goes out. */
  reminderHoursBefore: number;
  /** A checked-in person is told their turn nears when this many or fewer wait ahead in their line; 0 turns it off. */
  turnNearAhead: number;
}

/** What a new office starts with: 18.00 the evening before, 2 hours before, 3 ahead. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  reminderEveningEnabled: true,
  reminderEveningHour: 18,
  reminderBeforeEnabled: true,
  reminderHoursBefore: 2,
  turnNearAhead: 3,
};

/** Ranges of the numeric settings. The evening hour must lie outside quiet hours (06–20). */
export const REMINDER_LIMITS = {
  reminderEveningHour: { min: 6, max: 20 },
  reminderHoursBefore: { min: 1, max: 24 },
  turnNearAhead: { min: 0, max: 20 },
} as const;

/** What is wrong with the given settings, one problem per field. */
export function reminderSettingProblems(settings: Partial<ReminderSettings>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(REMINDER_LIMITS) as (keyof typeof REMINDER_LIMITS)[]) {
    const value = settings[key];
    if (value === undefined) continue;
    const { min, max } = REMINDER_LIMITS[key];
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field: key, problem: 'NUMBER_RANGE' });
  }
  return problems;
}

/** Whether an instant falls in quiet hours on the clock of a zone. */
export function isQuietTime(zone: string, at: Date): boolean {
  const minutes = minutesOfDay(timeIn(zone, at));
  return minutes >= minutesOfDay(QUIET_HOURS.from) || minutes < minutesOfDay(QUIET_HOURS.until);
}

/** The kinds of reminder. */
export type ReminderKind = 'reminder_evening' | 'reminder_before';

/** When a reminder may go out: from `at` until (not including) `until`. */
export interface ReminderWindow {
  kind: ReminderKind;
  at: Date;
  until: Date;
}

/** A booking as the reminder rules see it. */
export interface RemindableBooking {
  id: number;
  /** The booking's day, on the office's clock. */
  date: LocalDate;
  /** Its session's start, HH:MM on the office's clock. */
  sessionStart: string;
  /** When the booking got its current day and session (made or moved): reminders planned before that are not sent. */
  scheduledAt: Date;
}

/**
 * When each reminder of a booking may go out, on the office's clock:
 * - the evening reminder at the evening hour of the day before, until quiet hours begin that
 *   night (a worker that was down past 21.00 sends none rather than a late one);
 * - the before reminder the set hours before the session's start, until the session starts.
 *   When that moment falls in quiet hours it moves to 06.00 on the session's day if that is
 *   still before the start (a session at 08.00 with 3 hours set is reminded at 06.00), and is
 *   skipped otherwise (a 05.00 session is never reminded at night).
 */
export function reminderWindows(booking: Pick<RemindableBooking, 'date' | 'sessionStart'>, zone: string, settings: ReminderSettings): ReminderWindow[] {
  const windows: ReminderWindow[] = [];
  if (settings.reminderEveningEnabled) {
    const eve = addDays(booking.date, -1);
    const hour = `${String(settings.reminderEveningHour).padStart(2, '0')}:00`;
    windows.push({ kind: 'reminder_evening', at: instantOf(eve, hour, zone), until: instantOf(eve, QUIET_HOURS.from, zone) });
  }
  if (settings.reminderBeforeEnabled) {
    const start = instantOf(booking.date, booking.sessionStart, zone);
    let at = new Date(start.getTime() - settings.reminderHoursBefore * 3_600_000);
    if (isQuietTime(zone, at)) at = instantOf(booking.date, QUIET_HOURS.until, zone);
    if (at < start) windows.push({ kind: 'reminder_before', at, until: start });
  }
  return windows;
}

/** A reminder to queue now: the booking, the kind, and the key that keeps it from being queued twice. */
export interface DueReminder {
  bookingId: number;
  kind: ReminderKind;
  dedupeKey: string;
}

/** The key of one reminder: one per booking, kind and day, so a booking moved to another day is reminded again. */
export function reminderDedupeKey(bookingId: number, kind: ReminderKind, date: LocalDate): string {
  return `${kind}:${bookingId}:${date}`;
}

/**
 * The reminders due at `now` for bookings still waiting for their day (the caller passes only
 * booked ones: never cancelled, moved away or checked in). A reminder is due inside its
 * window, outside quiet hours, and only if the booking had its day and session before the
 * window opened: someone who books at 19.00 for tomorrow just got the confirmation.
 */
export function dueReminders(bookings: readonly RemindableBooking[], zone: string, settings: ReminderSettings, now: Date): DueReminder[] {
  if (isQuietTime(zone, now)) return [];
  const due: DueReminder[] = [];
  for (const booking of bookings) {
    for (const window of reminderWindows(booking, zone, settings)) {
      if (now < window.at || now >= window.until) continue;
      if (booking.scheduledAt >= window.at) continue;
      due.push({ bookingId: booking.id, kind: window.kind, dedupeKey: reminderDedupeKey(booking.id, window.kind, booking.date) });
    }
  }
  return due;
}
