import { describe, expect, it } from 'vitest';
import { isLocalDate, yearOf } from '../../domain/local-date.js';
import { provisionalNationalHolidays } from './provisional-holidays.js';

const holidaysOf = async (year: number) => (await provisionalNationalHolidays([year]))[0]!;

describe('provisional national holidays from date-holidays', async () => {
  it('includes Independence Day and the package\'s Idul Fitri of 2026, a day earlier than the decree', async () => {
    const dates = (await holidaysOf(2026)).map((h) => h.date);
    expect(dates).toContain('2026-08-17');
    // The SKB puts Idul Fitri on 21–22 March; the package says 20–21 March. That gap is why
    // these days are only provisional.
    expect(dates).toContain('2026-03-20');
    expect(dates).toContain('2026-01-01');
    expect(dates).toContain('2026-12-25');
  });

  it('takes each holiday\'s calendar day as written, not the evening before when an Islamic day begins', async () => {
    const holidays = await holidaysOf(2026);
    const idulAdha = holidays.find((h) => h.date === '2026-05-27');
    expect(idulAdha?.name).toMatch(/Idul Adha/);
    expect(holidays.map((h) => h.date)).not.toContain('2026-05-26');
  });

  it('gives each year one named entry per date, in order, all within that year', async () => {
    const years = Array.from({ length: 16 }, (_, i) => 2020 + i);
    const all = await provisionalNationalHolidays(years);
    for (const [y, holidays] of all.entries()) {
      const year = years[y]!;
      expect(holidays.length, String(year)).toBeGreaterThan(10);
      for (const [i, h] of holidays.entries()) {
        expect(isLocalDate(h.date), h.date).toBe(true);
        expect(yearOf(h.date)).toBe(year);
        expect(h.name.length).toBeGreaterThan(0);
        const previous = holidays[i - 1];
        if (previous) expect(previous.date < h.date, `${previous.date} before ${h.date}`).toBe(true);
      }
    }
  });

  it('works a year out once per process and hands later callers the same frozen answer', async () => {
    const [first] = await provisionalNationalHolidays([2031]);
    const [again, next] = await provisionalNationalHolidays([2031, 2032]);
    expect(again).toBe(first);
    expect(next).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first![0])).toBe(true);
  });

  it('refuses a year that is not a whole number', async () => {
    await expect(provisionalNationalHolidays([2026.5])).rejects.toThrow(RangeError);
  });
});
