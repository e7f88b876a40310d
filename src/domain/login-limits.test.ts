import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockedForSeconds, loginWaitSeconds, PER_ACCOUNT_AND_ADDRESS, type PastAttempt } from './login-limits.js';

const NOW = new Date('2026-12-01T02:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

describe('the login attempt limit', () => {
  it('allows attempts while failures stay below the limit', () => {
    expect(lockedForSeconds([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4)], PER_ACCOUNT_AND_ADDRESS, NOW)).toBeNull();
  });

  it('locks at the limit until the oldest counted failure leaves the window', () => {
    const failures = [minutesAgo(10), minutesAgo(4), minutesAgo(3), minutesAgo(2), minutesAgo(1)];
    expect(lockedForSeconds(failures, PER_ACCOUNT_AND_ADDRESS, NOW)).toBe(5 * 60);
  });

  it('counts only the newest failures when there are more than the limit', () => {
    const failures = [minutesAgo(14), minutesAgo(13), minutesAgo(5), minutesAgo(4), minutesAgo(3), minutesAgo(2)];
    // The fifth newest is 13 minutes old: two minutes to wait, however many came before it.
    expect(lockedForSeconds(failures, PER_ACCOUNT_AND_ADDRESS, NOW)).toBe(2 * 60);
  });

  it('unlocks exactly when the window has passed', () => {
    const failures = Array.from({ length: 5 }, () => minutesAgo(15));
    expect(lockedForSeconds(failures, PER_ACCOUNT_AND_ADDRESS, NOW)).toBeNull();
  });

  it('never asks to wait longer than the window, nor for zero seconds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 15 * 60_000 - 1 }), { minLength: 5, maxLength: 30 }), (ages) => {
        const failures = ages.map((ms) => new Date(NOW.getTime() - ms).toISOString());
        const wait = lockedForSeconds(failures, PER_ACCOUNT_AND_ADDRESS, NOW);
        expect(wait).not.toBeNull();
        expect(wait!).toBeGreaterThan(0);
        expect(wait!).toBeLessThanOrEqual(15 * 60);
      }),
    );
  });
});

describe('the login limits of one account from one address', () => {
  const who = { username: 'admin', address: '192.0.2.1' };
  let id = 0;
  const attempt = (username: string, address: string, minutes: number, success = false): PastAttempt => ({
    id: ++id,
    username,
    address,
    at: minutesAgo(minutes),
    success,
  });
  const times = (n: number, make: (i: number) => PastAttempt) => Array.from({ length: n }, (_, i) => make(i));

  it('locks the account for the address that failed five times, not for another', () => {
    const past = times(5, () => attempt('admin', '192.0.2.1', 1));
    expect(loginWaitSeconds(past, who, NOW)).toBe(14 * 60);
    expect(loginWaitSeconds(past, { ...who, address: '192.0.2.2' }, NOW)).toBeNull();
  });

  it('locks the account for everyone at fifty failures from many addresses', () => {
    const past = times(50, (i) => attempt('admin', `198.18.0.${i % 10}`, 2));
    expect(loginWaitSeconds(past, { ...who, address: '192.0.2.99' }, NOW)).toBe(13 * 60);
    expect(loginWaitSeconds(past.slice(1), { ...who, address: '192.0.2.99' }, NOW)).toBeNull();
  });

  it('locks the address after twenty failures on any accounts', () => {
    const past = times(20, (i) => attempt(`guess-${i}`, '192.0.2.1', 3));
    expect(loginWaitSeconds(past, who, NOW)).toBe(12 * 60);
  });

  it('starts the count of an address afresh after its successful login, but not the account-wide count', () => {
    const before = times(4, () => attempt('admin', '192.0.2.1', 5));
    const success = attempt('admin', '192.0.2.1', 5, true);
    const after = times(4, () => attempt('admin', '192.0.2.1', 4));
    expect(loginWaitSeconds([...before, success, ...after], who, NOW)).toBeNull();
    const spread = times(46, (i) => attempt('admin', `198.18.1.${i % 10}`, 4));
    expect(loginWaitSeconds([...before, success, ...after, ...spread], who, NOW)).not.toBeNull();
  });

  it('forgets failures older than the window', () => {
    const past = times(60, () => attempt('admin', '192.0.2.1', 15));
    expect(loginWaitSeconds(past, who, NOW)).toBeNull();
  });
});
