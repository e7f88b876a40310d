import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, nearestRankPercentile, secondsBetween, summarizeDurations } from './statistics.js';

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });
  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([60, 120])).toBe(90);
  });
  it('is null without values', () => {
    expect(median([])).toBeNull();
  });
  it('refuses values that are not numbers', () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('the nearest-rank 90th percentile', () => {
  it('is the value at rank ceil(0.9 n)', () => {
    const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    // 0.9 × 10 = 9: the ninth value, not the tenth (a floating-point 9.000…2 must not round up).
    expect(nearestRankPercentile(ten, 90)).toBe(90);
    // 0.9 × 11 = 9.9: rank 10.
    expect(nearestRankPercentile([...ten, 110], 90)).toBe(100);
    // 0.9 × 5 = 4.5: rank 5, the largest.
    expect(nearestRankPercentile([3, 1, 2, 5, 4], 90)).toBe(5);
  });
  it('is always a measured value, and the only one when there is one', () => {
    expect(nearestRankPercentile([42], 90)).toBe(42);
    expect(nearestRankPercentile([1, 2], 90)).toBe(2);
  });
  it('is null without values, and refuses a percentile outside (0, 100]', () => {
    expect(nearestRankPercentile([], 90)).toBeNull();
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
  });
  it('gives the 100th percentile as the largest value', () => {
    expect(nearestRankPercentile([3, 9, 1], 100)).toBe(9);
  });
});

describe('summarizeDurations', () => {
  it('counts and summarises', () => {
    expect(summarizeDurations([600, 300, 900, 1200])).toEqual({ count: 4, medianSeconds: 750, p90Seconds: 1200 });
    expect(summarizeDurations([])).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
  });
});

describe('secondsBetween', () => {
  it('is whole seconds between two instants, never negative', () => {
    expect(secondsBetween('2026-12-02T01:00:00.000Z', '2026-12-02T01:12:30.400Z')).toBe(750);
    expect(secondsBetween('2026-12-02T01:00:01.000Z', '2026-12-02T01:00:00.000Z')).toBe(0);
    expect(secondsBetween(null, '2026-12-02T01:00:00.000Z')).toBeNull();
  });
  it('reads instants on one date and across dates, stored or written otherwise, as Date.parse does', () => {
    const instants = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }).map((ms) => new Date(ms).toISOString());
    const sameDate = fc.tuple(instants, fc.integer({ min: 0, max: 86_399_999 })).map(([iso, ms]) => [iso, new Date(Date.parse(iso.slice(0, 10)) + ms).toISOString()] as const);
    const parsed = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
    fc.assert(
      fc.property(fc.oneof(sameDate, fc.tuple(instants, instants)), ([from, to]) => {
        expect(secondsBetween(from, to)).toBe(parsed(from, to));
      }),
    );
    expect(secondsBetween('2026-12-02T01:00:00.000Z', '2026-12-02T09:00:00.000+07:00')).toBe(3600);
    expect(secondsBetween('2026-12-02T01:00:00Z', '2026-12-02T01:00:30.000Z')).toBe(30);
    expect(secondsBetween('2026-12-02T23:59:59.500Z', '2026-12-03T00:00:00.000Z')).toBe(1);
  });
  it('refuses what is no instant', () => {
    expect(() => secondsBetween('2026-12-02T01:00:00.000Z', '2026-12-02Tab:00:00.000Z')).toThrow(RangeError);
  });
});
