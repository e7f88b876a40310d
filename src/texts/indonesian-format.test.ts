import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatOpening, formatSession, formatShortDate, formatTime, zoneAbbreviation } from './indonesian-format.js';
import { isoWeekday } from '../domain/local-date.js';

const DAY_MS = 86_400_000;
const dates1990to2100 = fc
  .integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

describe('zone abbreviations', () => {
  it('names the three Indonesian zones WIB, WITA and WIT, Pontianak included in WIB', () => {
    expect(zoneAbbreviation('Asia/Jakarta')).toBe('WIB');
    expect(zoneAbbreviation('Asia/Pontianak')).toBe('WIB');
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Asia/Jayapura')).toBe('WIT');
  });

  it('gives other zones as an offset from UTC', () => {
    expect(zoneAbbreviation('UTC')).toBe('UTC');
    expect(zoneAbbreviation('Asia/Bangkok')).toBe('UTC+7');
    expect(zoneAbbreviation('Asia/Kolkata')).toBe('UTC+5:30');
    expect(zoneAbbreviation('America/St_Johns')).toBe('UTC-3:30');
  });

  it('gives a zone with daylight saving its standard offset, or the one in force at a given instant', () => {
    expect(zoneAbbreviation('America/New_York')).toBe('UTC-5');
    expect(zoneAbbreviation('Australia/Sydney')).toBe('UTC+10');
    expect(zoneAbbreviation('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe('UTC-4');
  });
});

describe('dates', () => {
  it('writes 7 December 2026 in full in Indonesian and English', () => {
    expect(formatDate('2026-12-07', 'id')).toBe('Senin, 7 Desember 2026');
    expect(formatDate('2026-12-07', 'en')).toBe('Monday, 7 December 2026');
  });

  it('writes every weekday and month with its own Indonesian name', () => {
    expect(formatDate('2026-08-17', 'id')).toBe('Senin, 17 Agustus 2026');
    expect(formatDate('2026-03-20', 'id')).toBe('Jumat, 20 Maret 2026');
    expect(formatDate('2026-05-31', 'id')).toBe('Minggu, 31 Mei 2026');
    expect(formatDate('2026-01-01', 'id')).toBe('Kamis, 1 Januari 2026');
  });

  it('writes short dates for day pickers', () => {
    expect(formatShortDate('2026-12-07', 'id')).toBe('Sen, 7 Des');
    expect(formatShortDate('2026-12-07', 'en')).toBe('Mon, 7 Dec');
    expect(formatShortDate('2026-08-17', 'id')).toBe('Sen, 17 Agu');
  });

  it('starts every date with the name of its own weekday, 1990–2100', () => {
    const indonesianDays = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
    fc.assert(
      fc.property(dates1990to2100, (d) => {
        const text = formatDate(d, 'id');
        expect(text.startsWith(`${indonesianDays[isoWeekday(d) - 1]}, `)).toBe(true);
        expect(text.endsWith(` ${d.slice(0, 4)}`)).toBe(true);
        expect(text).toMatch(/^\p{L}+, [1-9]\d? \p{L}+ \d{4}$/u);
      }),
    );
  });

  it('refuses to format a date that does not exist', () => {
    expect(() => formatDate('2026-02-30', 'id')).toThrow(RangeError);
    expect(() => formatShortDate('2026-13-01', 'en')).toThrow(RangeError);
  });
});

describe('times and sessions', () => {
  it('separates hours and minutes with a dot in Indonesian and a colon in English', () => {
    expect(formatTime('08:00', 'id')).toBe('08.00');
    expect(formatTime('13:30', 'id')).toBe('13.30');
    expect(formatTime('08:00', 'en')).toBe('08:00');
    expect(() => formatTime('8:00', 'id')).toThrow(RangeError);
  });

  it('announces a session with its date, its hours joined by an en dash, and the zone', () => {
    expect(formatSession('2026-12-07', '08:00', '09:00', 'Asia/Jakarta', 'id')).toBe(
      'Senin, 7 Desember 2026, 08.00–09.00 WIB',
    );
    expect(formatSession('2026-12-07', '08:00', '09:00', 'Asia/Jakarta', 'en')).toBe(
      'Monday, 7 December 2026, 08:00–09:00 WIB',
    );
    expect(formatSession('2026-12-08', '13:00', '14:00', 'Asia/Makassar', 'id')).toBe(
      'Selasa, 8 Desember 2026, 13.00–14.00 WITA',
    );
    expect(formatSession('2026-12-09', '10:00', '11:00', 'Asia/Jayapura', 'id')).toBe(
      'Rabu, 9 Desember 2026, 10.00–11.00 WIT',
    );
  });

  it('shows the offset in force on the day of a session in a zone with daylight saving', () => {
    expect(formatSession('2026-07-01', '09:00', '10:00', 'America/New_York', 'en')).toBe(
      'Wednesday, 1 July 2026, 09:00–10:00 UTC-4',
    );
  });
});

describe('formatWeekHours', () => {
  it('joins runs of weekdays with the same hours, in the office zone', async () => {
    const { formatWeekHours } = await import('./indonesian-format.js');
    const week = [1, 2, 3, 4].map((weekday) => ({ weekday, start: '08:00', end: '14:00' }));
    expect(formatWeekHours([...week, { weekday: 5, start: '08:00', end: '11:30' }], 'Asia/Jakarta', 'id')).toBe('Senin–Kamis 08.00–14.00 WIB; Jumat 08.00–11.30 WIB');
    expect(formatWeekHours([{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 3, start: '08:00', end: '12:00' }], 'Asia/Makassar', 'en')).toBe('Monday 08:00–12:00 WITA; Wednesday 08:00–12:00 WITA');
  });
});

describe('release times', () => {
  it("names a release on the office's clock without the year", () => {
    expect(formatOpening(new Date('2026-12-07T00:00:00Z'), 'Asia/Jakarta', 'id')).toBe('Senin, 7 Desember, 07.00 WIB');
    expect(formatOpening(new Date('2026-12-07T00:00:00Z'), 'Asia/Jakarta', 'en')).toBe('Monday, 7 December, 07:00 WIB');
    expect(formatOpening(new Date('2026-12-06T22:00:00Z'), 'Asia/Jayapura', 'id')).toBe('Senin, 7 Desember, 07.00 WIT');
  });
});
