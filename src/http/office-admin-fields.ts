import { z } from 'zod';
import { textField } from './validation.js';

/*
 * Shapes of the office settings, shared by the API and the admin pages. Only shapes: the
 * domain checks slugs, zones and ranges, so both refuse the same things with the same codes.
 */

const addressField = z.string({ error: 'INVALID' }).trim().max(300, 'TOO_LONG');
const whole = z.number({ error: 'NUMBER_INVALID' }).int('NUMBER_INVALID');

/** A new office. */
export const NewOfficeBody = z.object({ slug: textField(64), name: textField(120), address: addressField.default(''), timezone: textField(64) });

const timeOfDay = z.string({ error: 'TIME_INVALID' }).max(5, 'TIME_INVALID');

/** Changes to the release schedule; absent fields stay, `waves: null` removes the waves. */
export const ReleaseChangesBody = z
  .object({
    daysAhead: whole.optional().describe('A day opens this many days before itself, 1–90; `bookingDaysAhead` is the same setting'),
    time: timeOfDay.optional().describe("HH:MM on the office's clock of the first (or only) wave"),
    drawSeconds: whole.optional().describe('Length of the draw after each wave, 0–3600; 0 turns the draw off'),
    deskShare: whole.optional().describe('Percent of each session held back from online booking for the desk, 0–100; `deskSharePercent` is the same setting'),
    waves: z
      .array(z.object({ time: timeOfDay, percent: whole }), { error: 'RELEASE_WAVES_INVALID' })
      .max(4, 'RELEASE_WAVES_INVALID')
      .nullable()
      .optional()
      .describe('Waves on the release day, times ascending, percents summing to 100, the first at `time` (sent without `time`, the first wave sets it); null: one wave at `time`'),
  })
  .describe("When a day's places open to online booking");

/** Changes to an office; absent fields stay. */
export const OfficeChangesBody = z.object({
  name: textField(120).optional(),
  address: addressField.optional(),
  timezone: textField(64).optional(),
  contactPhone: z.string({ error: 'INVALID' }).trim().max(40, 'TOO_LONG').optional().describe("The office's public phone number, as people dial it; empty removes it"),
  contactEmail: z.string({ error: 'INVALID' }).trim().max(120, 'TOO_LONG').optional().describe("The office's public email address; empty removes it"),
  logo: z
    .string({ error: 'INVALID' })
    .trim()
    .optional()
    .describe('The logo as a data URL (`data:image/png;base64,…`: PNG, JPEG, WebP or SVG, at most 12,000 characters); empty removes it'),
  bookingDaysAhead: whole.optional(),
  sameDayBooking: z.boolean({ error: 'INVALID' }).optional(),
  checkInBeforeMinutes: whole.optional(),
  checkInAfterMinutes: whole.optional(),
  earlyCheckInMinutes: whole.optional().describe('How many minutes before their session a person may check in without a reason; they are called from the session start'),
  deskSharePercent: whole.optional(),
  reminderEveningEnabled: z.boolean({ error: 'INVALID' }).optional(),
  reminderEveningHour: whole.optional(),
  reminderBeforeEnabled: z.boolean({ error: 'INVALID' }).optional(),
  reminderHoursBefore: whole.optional(),
  turnNearAhead: whole.optional(),
  bookingLimits: z
    .object({
      perPhonePerMonth: whole.optional().describe('Online bookings one phone number may make in a calendar month, 0–100; 0: no limit (default 4)'),
      perNikPerMonth: whole.optional().describe('Online bookings one NIK may make in a calendar month, 0–100; 0: no limit (default 4)'),
    })
    .optional()
    .describe('Limits by person, not by address; desk and walk-in bookings are neither limited nor counted'),
  noShowPolicy: z
    .object({
      enabled: z.boolean({ error: 'INVALID' }).optional(),
      noShows: whole.optional().describe('No-shows that trigger a block, 1–20 (default 3)'),
      withinDays: whole.optional().describe('…within this many days, 1–365 (default 90)'),
      blockDays: whole.optional().describe('Days the NIK may not book online after that, 1–365 (default 30); the desk still can'),
    })
    .optional(),
  release: ReleaseChangesBody.optional(),
  retentionDays: whole.optional().describe("Days after the appointment date that a booking's NIK, name, phone and email are kept, 1–365; then they are erased"),
});
