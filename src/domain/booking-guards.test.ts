import { describe, expect, it } from 'vitest';
import { DEFAULT_NO_SHOW_POLICY, guardSettingProblems, monthAround, noShowBlockedUntil } from './booking-guards.js';

describe('the month a booking is counted in', () => {
  it('is the calendar month on the office clock, not in UTC', () => {
    // 30 November 18:00 UTC is already 1 December 01:00 in Jakarta.
    const { from, to } = monthAround('Asia/Jakarta', new Date('2026-11-30T18:00:00Z'));
    expect(from.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('rolls over the year in December', () => {
    const { from, to } = monthAround('UTC', new Date('2026-12-15T12:00:00Z'));
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
});

describe('the no-show block', () => {
  const policy = { enabled: true, noShows: 3, withinDays: 90, blockDays: 30 };

  it('starts with the no-show that makes N within M days and lasts K days after it', () => {
    const dates = ['2026-09-10', '2026-10-01', '2026-11-20'];
    expect(noShowBlockedUntil(policy, dates, '2026-11-21')).toBe('2026-12-20');
    expect(noShowBlockedUntil(policy, dates, '2026-12-20')).toBe('2026-12-20');
    expect(noShowBlockedUntil(policy, dates, '2026-12-21')).toBeNull();
  });

  it('does not block when the no-shows are spread wider than the window, or the policy is off', () => {
    expect(noShowBlockedUntil(policy, ['2026-01-10', '2026-03-01', '2026-04-15'], '2026-04-16')).toBeNull();
    expect(noShowBlockedUntil(DEFAULT_NO_SHOW_POLICY, ['2026-11-01', '2026-11-02', '2026-11-03'], '2026-11-04')).toBeNull();
    expect(noShowBlockedUntil(policy, ['2026-11-01', '2026-11-02'], '2026-11-04')).toBeNull();
  });

  it('takes the latest block when several overlap', () => {
    expect(noShowBlockedUntil(policy, ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-10'], '2026-11-11')).toBe('2026-12-10');
  });
});

describe('the settings', () => {
  it('refuses limits out of range under the API field names', () => {
    expect(guardSettingProblems({ perPhonePerMonth: -1, perNikPerMonth: 4 }, { blockDays: 0, noShows: 2.5 })).toEqual([
      { field: 'bookingLimits.perPhonePerMonth', problem: 'NUMBER_RANGE' },
      { field: 'noShowPolicy.noShows', problem: 'NUMBER_RANGE' },
      { field: 'noShowPolicy.blockDays', problem: 'NUMBER_RANGE' },
    ]);
  });
});
