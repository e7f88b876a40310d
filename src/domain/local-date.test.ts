import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateParts,
  daysBetween,
  eachDay,
  instantOf,
  isLocalDate,
  isServedDate,
  isoWeekday,
  isTimeOfDay,
  minutesOfDay,
  timeIn,
  todayIn,
  utcOffsetMinutes,
  yearOf,
} from './local-date.js';

const DAY_MS = 86_400_000;

/** Dates between two years, built through UTC so the test itself does not depend on TZ. */
function localDates(fromYear: number, toYear: number) {
  return fc
    .integer({ min: Date.UTC(fromYear, 0, 1) / DAY_MS, max: Date.UTC(toYear, 11, 31) / DAY_MS })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
}

const timesOfDay = fc
  .integer({ min: 0, max: 24 * 60 - 1 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

const INDONESIAN_ZONES_AND_UTC = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC'];

describe('calendar dates', () => {
  it('accepts real dates written YYYY-MM-DD, leap days included', () => {
    for (const d of ['2026-12-07', '2024-02-29', '2000-02-29', '1990-01-01', '2100-12-31']) {
      expect(isLocalDate(d), d).toBe(true);
    }
  });

  it('refuses impossible days and anything not written exactly YYYY-MM-DD', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00',
      '2026-1-07', '26-12-07', '2026-12-07T00:00', ' 2026-12-07', '2026/12/07', '']) {
      expect(isLocalDate(d), d).toBe(false);
    }
  });

  it('serves the years 2000 to 2100 only, where a day range can never run past 9999', () => {
    for (const d of ['2000-01-01', '2026-12-07', '2100-12-31']) expect(isServedDate(d), d).toBe(true);
    for (const d of ['1999-12-31', '2101-01-01', '9999-12-31', '0000-01-01', '2026-02-30', 'x']) expect(isServedDate(d), d).toBe(false);
  });

  it('knows 7 December 2026 is a Monday and 13 December 2026 a Sunday', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
  });

  it('agrees with the UTC calendar on the weekday of any date', () => {
    fc.assert(
      fc.property(localDates(1600, 9000), (d) => {
        const sundayIsZero = new Date(`${d}T00:00:00Z`).getUTCDay();
        expect(isoWeekday(d)).toBe(sundayIsZero === 0 ? 7 : sundayIsZero);
      }),
    );
  });

  it('steps across month ends, year ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('finds again with daysBetween the days it added with addDays', () => {
    fc.assert(
      fc.property(localDates(1600, 9000), fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        const later = addDays(d, n);
        expect(isLocalDate(later)).toBe(true);
        expect(daysBetween(d, later)).toBe(n);
        expect(addDays(later, -n)).toBe(d);
      }),
    );
  });

  it('lists each day in order, one day apart, as many as asked', () => {
    fc.assert(
      fc.property(localDates(1990, 2100), fc.integer({ min: 0, max: 400 }), (from, count) => {
        const days = eachDay(from, count);
        expect(days).toHaveLength(count);
        if (count > 0) expect(days[0]).toBe(from);
        days.forEach((d, i) => expect(daysBetween(from, d)).toBe(i));
      }),
    );
  });

  it('reads the year, month and day of a date', () => {
    expect(yearOf('2026-12-07')).toBe(2026);
    expect(dateParts('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
  });

  it('refuses to compute with impossible dates or fractional day counts', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('2026-02-01', 'tomorrow')).toThrow(RangeError);
    expect(() => eachDay('2026-02-01', -1)).toThrow(RangeError);
    expect(() => isoWeekday('2026-02-29')).toThrow(RangeError);
  });
});

describe('wall-clock times', () => {
  it('accepts 00:00 to 23:59 and nothing else', () => {
    for (const t of ['00:00', '08:30', '23:59']) expect(isTimeOfDay(t), t).toBe(true);
    for (const t of ['24:00', '8:00', '08:60', '08:00:00', '08.00', '']) expect(isTimeOfDay(t), t).toBe(false);
  });

  it('counts minutes since midnight', () => {
    expect(minutesOfDay('08:30')).toBe(510);
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(() => minutesOfDay('24:00')).toThrow(RangeError);
  });
});

describe('dates and times in an office zone', () => {
  const lateEveningInJakarta = new Date('2026-11-27T15:30:00Z');

  it('is already tomorrow in Jayapura while Jakarta is still in the evening', () => {
    expect(todayIn('Asia/Jayapura', lateEveningInJakarta)).toBe('2026-11-28');
    expect(timeIn('Asia/Jayapura', lateEveningInJakarta)).toBe('00:30');
    expect(todayIn('Asia/Jakarta', lateEveningInJakarta)).toBe('2026-11-27');
    expect(timeIn('Asia/Jakarta', lateEveningInJakarta)).toBe('22:30');
  });

  it('drops seconds from the time of day rather than rounding up', () => {
    expect(timeIn('Asia/Jakarta', new Date('2026-11-27T00:59:59.999Z'))).toBe('07:59');
  });

  it('puts 08:00 WIB on 7 December 2026 at 01:00 UTC, and WITA and WIT an hour apart each', () => {
    expect(instantOf('2026-12-07', '08:00', 'Asia/Jakarta').toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(instantOf('2026-12-07', '08:00', 'Asia/Makassar').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(instantOf('2026-12-07', '08:00', 'Asia/Jayapura').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(instantOf('2026-12-07', '08:00', 'UTC').toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('reports the UTC offsets of the three Indonesian zones', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    expect(utcOffsetMinutes('Asia/Jakarta', at)).toBe(420);
    expect(utcOffsetMinutes('Asia/Makassar', at)).toBe(480);
    expect(utcOffsetMinutes('Asia/Jayapura', at)).toBe(540);
    expect(utcOffsetMinutes('UTC', at)).toBe(0);
  });

  it('reads back the same date and time from the instant it computes, in any Indonesian zone, 1990–2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INDONESIAN_ZONES_AND_UTC), localDates(1990, 2100), timesOfDay, (zone, d, t) => {
        const instant = instantOf(d, t, zone);
        expect(todayIn(zone, instant)).toBe(d);
        expect(timeIn(zone, instant)).toBe(t);
      }),
    );
  });

  it('takes the earlier instant in a DST overlap and moves a time in a DST gap forward', () => {
    // Indonesia keeps no DST; this only shows instantOf asks the zone rather than assuming.
    expect(instantOf('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantOf('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(instantOf('2026-07-01', '12:00', 'America/New_York').toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  it('refuses a zone that does not exist', () => {
    expect(() => todayIn('Asia/Bogor', lateEveningInJakarta)).toThrow(RangeError);
  });
});
