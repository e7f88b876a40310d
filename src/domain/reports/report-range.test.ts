import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { addDays, daysBetween, eachDay } from '../local-date.js';
import { checkReportRange, splitRange } from './report-range.js';

function problemOf(from: string, to: string): { field: string; problem: string } | undefined {
  try {
    checkReportRange(from, to);
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return error.fields[0];
  }
}

describe('checkReportRange', () => {
  it('counts the days of a range, both ends included', () => {
    expect(checkReportRange('2026-12-02', '2026-12-02')).toEqual({ days: 1 });
    expect(checkReportRange('2024-01-01', '2024-12-31')).toEqual({ days: 366 });
  });
  it('refuses a range that ends before it starts, or is longer than a year', () => {
    expect(problemOf('2026-12-03', '2026-12-02')).toEqual({ field: 'to', problem: 'RANGE_INVALID' });
    expect(problemOf('2025-01-01', '2026-01-02')).toEqual({ field: 'to', problem: 'RANGE_TOO_LONG' });
  });
  it('refuses dates that are no dates', () => {
    expect(problemOf('2026-02-30', '2026-03-01')).toEqual({ field: 'from', problem: 'DATE_INVALID' });
    expect(problemOf('2026-02-01', 'kemarin')).toEqual({ field: 'to', problem: 'DATE_INVALID' });
  });
});

describe('splitRange', () => {
  it('cuts a range into pieces of the given days, the last one shorter, covering every date once', () => {
    expect(splitRange('2026-12-01', '2026-12-16', 7)).toEqual([
      { from: '2026-12-01', to: '2026-12-07' },
      { from: '2026-12-08', to: '2026-12-14' },
      { from: '2026-12-15', to: '2026-12-16' },
    ]);
    expect(splitRange('2026-12-01', '2026-12-14', 7)).toEqual([
      { from: '2026-12-01', to: '2026-12-07' },
      { from: '2026-12-08', to: '2026-12-14' },
    ]);
  });
  it('keeps a range shorter than a piece, a single day and a year across a leap day whole', () => {
    expect(splitRange('2026-12-02', '2026-12-02', 7)).toEqual([{ from: '2026-12-02', to: '2026-12-02' }]);
    const year = splitRange('2024-01-01', '2024-12-31', 7);
    expect(year).toHaveLength(53);
    expect(year.at(-1)).toEqual({ from: '2024-12-30', to: '2024-12-31' });
  });
  it('gives every date of any range to exactly one piece, in order, no piece longer than asked', () => {
    const DAY_MS = 86_400_000;
    const dates = fc.integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: Date.UTC(2099, 11, 31) / DAY_MS }).map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 40 }), (from, length, days) => {
        const to = addDays(from, length);
        const pieces = splitRange(from, to, days);
        expect(pieces.flatMap((p) => eachDay(p.from, daysBetween(p.from, p.to) + 1))).toEqual(eachDay(from, length + 1));
        for (const p of pieces) expect(daysBetween(p.from, p.to) + 1).toBeLessThanOrEqual(days);
      }),
    );
  });
  it('refuses a piece of no whole day', () => {
    expect(() => splitRange('2026-12-01', '2026-12-02', 0)).toThrow(RangeError);
    expect(() => splitRange('2026-12-01', '2026-12-02', 1.5)).toThrow(RangeError);
  });
});
