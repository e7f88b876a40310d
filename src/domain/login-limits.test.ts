import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockedForSeconds, PER_ACCOUNT } from './login-limits.js';

const NOW = new Date('2026-12-01T02:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

describe('the login attempt limit', () => {
  it('allows attempts while failures stay below the limit', () => {
    expect(lockedForSeconds([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4)], PER_ACCOUNT, NOW)).toBeNull();
  });

  it('locks at the limit until the oldest counted failure leaves the window', () => {
    const failures = [minutesAgo(10), minutesAgo(4), minutesAgo(3), minutesAgo(2), minutesAgo(1)];
    expect(lockedForSeconds(failures, PER_ACCOUNT, NOW)).toBe(5 * 60);
  });

  it('counts only the newest failures when there are more than the limit', () => {
    const failures = [minutesAgo(14), minutesAgo(13), minutesAgo(5), minutesAgo(4), minutesAgo(3), minutesAgo(2)];
    // The fifth newest is 13 minutes old: two minutes to wait, however many came before it.
    expect(lockedForSeconds(failures, PER_ACCOUNT, NOW)).toBe(2 * 60);
  });

  it('unlocks exactly when the window has passed', () => {
    const failures = Array.from({ length: 5 }, () => minutesAgo(15));
    expect(lockedForSeconds(failures, PER_ACCOUNT, NOW)).toBeNull();
  });

  it('never asks to wait longer than the window, nor for zero seconds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 15 * 60_000 - 1 }), { minLength: 5, maxLength: 30 }), (ages) => {
        const failures = ages.map((ms) => new Date(NOW.getTime() - ms).toISOString());
        const wait = lockedForSeconds(failures, PER_ACCOUNT, NOW);
        expect(wait).not.toBeNull();
        expect(wait!).toBeGreaterThan(0);
        expect(wait!).toBeLessThanOrEqual(15 * 60);
      }),
    );
  });
});
