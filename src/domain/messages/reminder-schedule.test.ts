import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_SETTINGS,
  dueReminders,
  isQuietTime,
  type RemindableBooking,
  reminderSettingProblems,
  reminderWindows,
} from './reminder-schedule.js';

const S = DEFAULT_REMINDER_SETTINGS;
/** Booked well before anything is due. */
const LONG_AGO = new Date('2026-11-20T00:00:00Z');

function booking(over: Partial<RemindableBooking> = {}): RemindableBooking {
  return { id: 7, date: '2026-12-08', sessionStart: '08:00', scheduledAt: LONG_AGO, ...over };
}

describe('reminder times on the office clock', () => {
  it('reminds the evening before at 18.00 and 2 hours before the session, in WIB', () => {
    const windows = reminderWindows(booking(), 'Asia/Jakarta', S);
    expect(windows.map((w) => [w.kind, w.at.toISOString(), w.until.toISOString()])).toEqual([
      // 18.00 WIB on Monday 7 December is 11.00 UTC; quiet hours start 21.00 WIB.
      ['reminder_evening', '2026-12-07T11:00:00.000Z', '2026-12-07T14:00:00.000Z'],
      // 06.00 WIB on the day, until the session starts at 08.00 WIB.
      ['reminder_before', '2026-12-07T23:00:00.000Z', '2026-12-08T01:00:00.000Z'],
    ]);
  });

  it('uses each zone’s own clock: WITA and WIT are one and two hours ahead of WIB', () => {
    const wita = reminderWindows(booking(), 'Asia/Makassar', S)[0]!;
    const wit = reminderWindows(booking(), 'Asia/Jayapura', S)[0]!;
    expect(wita.at.toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(wit.at.toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('moves a before reminder that would fall in quiet hours to 06.00 on the day', () => {
    const [, before] = reminderWindows(booking({ sessionStart: '08:00' }), 'Asia/Jakarta', { ...S, reminderHoursBefore: 3 });
    expect(before!.at.toISOString()).toBe('2026-12-07T23:00:00.000Z');
  });

  it('skips a before reminder when 06.00 is not before the session', () => {
    const windows = reminderWindows(booking({ sessionStart: '06:00' }), 'Asia/Jakarta', { ...S, reminderHoursBefore: 2 });
    expect(windows.map((w) => w.kind)).toEqual(['reminder_evening']);
  });

  it('sends none of a kind that is switched off', () => {
    expect(reminderWindows(booking(), 'Asia/Jakarta', { ...S, reminderEveningEnabled: false }).map((w) => w.kind)).toEqual(['reminder_before']);
    expect(reminderWindows(booking(), 'Asia/Jakarta', { ...S, reminderBeforeEnabled: false }).map((w) => w.kind)).toEqual(['reminder_evening']);
  });

  it('knows quiet hours from 21.00 to 06.00 in the office zone', () => {
    expect(isQuietTime('Asia/Jakarta', new Date('2026-12-07T13:59:00Z'))).toBe(false); // 20.59 WIB
    expect(isQuietTime('Asia/Jakarta', new Date('2026-12-07T14:00:00Z'))).toBe(true); // 21.00 WIB
    expect(isQuietTime('Asia/Jakarta', new Date('2026-12-07T22:59:00Z'))).toBe(true); // 05.59 WIB
    expect(isQuietTime('Asia/Jakarta', new Date('2026-12-07T23:00:00Z'))).toBe(false); // 06.00 WIB
    expect(isQuietTime('Asia/Jayapura', new Date('2026-12-07T12:00:00Z'))).toBe(true); // 21.00 WIT
    expect(isQuietTime('Asia/Makassar', new Date('2026-12-07T12:00:00Z'))).toBe(false); // 20.00 WITA
  });

  it('refuses an evening hour inside quiet hours and hours before out of range', () => {
    expect(reminderSettingProblems({ reminderEveningHour: 21, reminderHoursBefore: 0, turnNearAhead: -1 })).toEqual([
      { field: 'reminderEveningHour', problem: 'NUMBER_RANGE' },
      { field: 'reminderHoursBefore', problem: 'NUMBER_RANGE' },
      { field: 'turnNearAhead', problem: 'NUMBER_RANGE' },
    ]);
    expect(reminderSettingProblems({ reminderEveningHour: 20, reminderHoursBefore: 24, turnNearAhead: 0 })).toEqual([]);
  });
});

describe('reminders due now', () => {
  const at = (iso: string) => new Date(iso);

  it('is due from 18.00 office time the evening before, once per booking, kind and day', () => {
    expect(dueReminders([booking()], 'Asia/Jakarta', S, at('2026-12-07T10:59:59Z'))).toEqual([]);
    expect(dueReminders([booking()], 'Asia/Jakarta', S, at('2026-12-07T11:00:00Z'))).toEqual([
      { bookingId: 7, kind: 'reminder_evening', dedupeKey: 'reminder_evening:7:2026-12-08' },
    ]);
  });

  it('is due at 18.00 WITA for an office in Makassar, an hour before a Jakarta one', () => {
    expect(dueReminders([booking()], 'Asia/Makassar', S, at('2026-12-07T10:00:00Z')).map((d) => d.kind)).toEqual(['reminder_evening']);
    expect(dueReminders([booking()], 'Asia/Jakarta', S, at('2026-12-07T10:00:00Z'))).toEqual([]);
  });

  it('sends nothing in quiet hours: an evening reminder missed by 21.00 is dropped', () => {
    expect(dueReminders([booking()], 'Asia/Jakarta', S, at('2026-12-07T14:30:00Z'))).toEqual([]);
  });

  it('is due 2 hours before the session', () => {
    const due = dueReminders([booking({ sessionStart: '10:00' })], 'Asia/Jakarta', S, at('2026-12-08T01:00:00Z'));
    expect(due).toEqual([{ bookingId: 7, kind: 'reminder_before', dedupeKey: 'reminder_before:7:2026-12-08' }]);
  });

  it('is not due once the session has started', () => {
    expect(dueReminders([booking({ sessionStart: '10:00' })], 'Asia/Jakarta', S, at('2026-12-08T03:00:00Z'))).toEqual([]);
  });

  it('is not due for a booking made or moved after the reminder’s time', () => {
    const lateBooker = booking({ scheduledAt: at('2026-12-07T12:00:00Z') });
    expect(dueReminders([lateBooker], 'Asia/Jakarta', S, at('2026-12-07T12:30:00Z'))).toEqual([]);
  });
});
