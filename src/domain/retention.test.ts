import { describe, expect, it } from 'vitest';
import { erasureCutoff, erasureDate, retentionProblems } from './retention.js';

describe('retention', () => {
  it('keeps a booking for 2 December through 1 January with 30 days, and erases it on 2 January', () => {
    expect(erasureDate('2026-12-02', 30)).toBe('2027-01-02');
    expect(erasureCutoff('2027-01-01', 30, 'Asia/Jakarta').appointmentBefore).toBe('2026-12-02');
    expect(erasureCutoff('2027-01-02', 30, 'Asia/Jakarta').appointmentBefore).toBe('2026-12-03');
  });

  it("counts a cancellation from the start of the cutoff day on the office's clock", () => {
    expect(erasureCutoff('2027-01-02', 30, 'Asia/Jakarta').cancelledBefore).toBe('2026-12-02T17:00:00.000Z');
    expect(erasureCutoff('2027-01-02', 30, 'Asia/Jayapura').cancelledBefore).toBe('2026-12-02T15:00:00.000Z');
  });

  it('takes 1 to 365 whole days', () => {
    expect(retentionProblems(undefined)).toEqual([]);
    expect(retentionProblems(1)).toEqual([]);
    expect(retentionProblems(365)).toEqual([]);
    for (const bad of [0, 366, 1.5, Number.NaN]) expect(retentionProblems(bad)).toEqual([{ field: 'retentionDays', problem: 'NUMBER_RANGE' }]);
  });
});
