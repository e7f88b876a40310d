import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { dayPlaces, lastReleasedDate, MAX_RELEASE_REPORT_DAYS, releaseReportRange } from './release-report.js';
import type { ReleaseRules } from './release-schedule.js';

const rules: ReleaseRules = { daysAhead: 14, time: '07:00', drawSeconds: 60, deskShare: 10 };
const waved: ReleaseRules = { ...rules, waves: [{ time: '07:00', percent: 50 }, { time: '19:00', percent: 50 }] };
const at = (iso: string) => new Date(iso);

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fields[0];
    throw error;
  }
  return undefined;
}

describe('the releases report', () => {
  it('knows the last day released: 14 days ahead from the release time on the office clock', () => {
    // 06.59 and 07.00 WIB on 1 December.
    expect(lastReleasedDate(rules, 'Asia/Jakarta', at('2026-11-30T23:59:59Z'))).toBe('2026-12-14');
    expect(lastReleasedDate(rules, 'Asia/Jakarta', at('2026-12-01T00:00:00Z'))).toBe('2026-12-15');
    // 07.00 WIT is 22.00 UTC the day before.
    expect(lastReleasedDate(rules, 'Asia/Jayapura', at('2026-11-30T22:00:00Z'))).toBe('2026-12-15');
  });

  it('covers by default the last 14 days up to the last day released, and at most 92 days', () => {
    expect(releaseReportRange({}, rules, 'Asia/Jakarta', at('2026-12-01T02:00:00Z'))).toEqual({ from: '2026-11-17', to: '2026-12-15' });
    expect(releaseReportRange({ to: '2026-12-10' }, rules, 'Asia/Jakarta', at('2026-12-01T02:00:00Z'))).toEqual({ from: '2026-11-26', to: '2026-12-10' });
    const far = releaseReportRange({}, { ...rules, daysAhead: 90 }, 'Asia/Jakarta', at('2026-12-01T02:00:00Z'));
    expect(far).toEqual({ from: '2026-11-30', to: '2027-03-01' });
  });

  it('refuses a range that runs backwards or is longer than 92 days', () => {
    const now = at('2026-12-01T02:00:00Z');
    expect(problemOf(() => releaseReportRange({ from: '2026-12-02', to: '2026-12-01' }, rules, 'Asia/Jakarta', now))).toEqual({ field: 'to', problem: 'RANGE_INVALID' });
    expect(problemOf(() => releaseReportRange({ from: '2026-01-01', to: '2026-04-03' }, rules, 'Asia/Jakarta', now))).toEqual({ field: 'to', problem: 'RELEASE_RANGE_TOO_LONG' });
    expect(releaseReportRange({ from: '2026-01-01', to: '2026-04-02' }, rules, 'Asia/Jakarta', now)).toEqual({ from: '2026-01-01', to: '2026-04-02' });
    expect(MAX_RELEASE_REPORT_DAYS).toBe(92);
  });

  it('counts a day\'s places: the desk\'s share rounded down per session, online ones as the waves open them', () => {
    const caps = [40, 40, 15];
    expect(dayPlaces(caps, '2026-12-15', waved, 'Asia/Jakarta', at('2026-11-30T00:00:00Z'))).toEqual({ total: 95, heldForDesk: 9, releasedOnline: 0 });
    // First wave: half of 36, 36 and 14 (rounded down per session).
    expect(dayPlaces(caps, '2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T00:00:00Z'))).toEqual({ total: 95, heldForDesk: 9, releasedOnline: 18 + 18 + 7 });
    expect(dayPlaces(caps, '2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T12:00:00Z'))).toEqual({ total: 95, heldForDesk: 9, releasedOnline: 86 });
  });
});
