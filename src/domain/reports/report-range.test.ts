import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { checkReportRange } from './report-range.js';

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
