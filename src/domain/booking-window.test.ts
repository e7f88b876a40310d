import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingWindow, isInWindow } from './booking-window.js';
import { addDays, eachDay } from './local-date.js';

const DAY_MS = 86_400_000;
const dates1990to2100 = fc
  .integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

describe('the booking window', () => {
  it('opens today when same-day booking is on', () => {
    expect(bookingWindow({ today: '2026-12-07', sameDayBooking: true, daysAhead: 14 })).toEqual({
      first: '2026-12-07',
      last: '2026-12-21',
    });
  });

  it('opens tomorrow when same-day booking is off, like the walk-in booked for the next day', () => {
    expect(bookingWindow({ today: '2026-12-07', sameDayBooking: false, daysAhead: 14 })).toEqual({
      first: '2026-12-08',
      last: '2026-12-21',
    });
  });

  it('runs across the end of the year', () => {
    expect(bookingWindow({ today: '2026-12-30', sameDayBooking: false, daysAhead: 7 })).toEqual({
      first: '2026-12-31',
      last: '2027-01-06',
    });
  });

  it('includes both ends and nothing outside them', () => {
    const window = bookingWindow({ today: '2026-12-07', sameDayBooking: false, daysAhead: 3 });
    expect(isInWindow('2026-12-07', window)).toBe(false);
    expect(isInWindow('2026-12-08', window)).toBe(true);
    expect(isInWindow('2026-12-10', window)).toBe(true);
    expect(isInWindow('2026-12-11', window)).toBe(false);
  });

  it('is empty when only today may be booked ahead but same-day booking is off', () => {
    const window = bookingWindow({ today: '2026-12-07', sameDayBooking: false, daysAhead: 0 });
    expect(isInWindow('2026-12-07', window)).toBe(false);
    expect(isInWindow('2026-12-08', window)).toBe(false);
  });

  it('holds no string that is not a real date', () => {
    const window = bookingWindow({ today: '2026-12-07', sameDayBooking: true, daysAhead: 30 });
    expect(isInWindow('2026-12-07x', window)).toBe(false);
    expect(isInWindow('2026-12-1', window)).toBe(false);
  });

  it('refuses a negative or fractional number of days ahead', () => {
    expect(() => bookingWindow({ today: '2026-12-07', sameDayBooking: true, daysAhead: -1 })).toThrow(RangeError);
    expect(() => bookingWindow({ today: '2026-12-07', sameDayBooking: true, daysAhead: 1.5 })).toThrow(RangeError);
  });

  it('holds exactly the days from its first to its last, for any today and settings', () => {
    fc.assert(
      fc.property(dates1990to2100, fc.boolean(), fc.integer({ min: 0, max: 120 }), (today, sameDayBooking, daysAhead) => {
        const window = bookingWindow({ today, sameDayBooking, daysAhead });
        const expectedLength = daysAhead + (sameDayBooking ? 1 : 0);
        const inside = eachDay(addDays(today, -2), daysAhead + 5).filter((d) => isInWindow(d, window));
        expect(inside).toEqual(eachDay(sameDayBooking ? today : addDays(today, 1), expectedLength));
      }),
    );
  });
});
