import { describe, expect, it } from 'vitest';
import { arrivalTimes, checkInTiming, checkInWindow, timeOfMinutes, withinEarlyMargin } from './check-in-window.js';

describe('the check-in window', () => {
  const w = checkInWindow('08:00', '09:00', 30, 30);

  it('opens 30 minutes before the session and closes 30 minutes after it ends by default', () => {
    expect(timeOfMinutes(w.opensAt)).toBe('07:30');
    expect(timeOfMinutes(w.closesAt)).toBe('09:30');
  });

  it('includes both edges', () => {
    expect(checkInTiming('07:29', w)).toBe('early');
    expect(checkInTiming('07:30', w)).toBe('on_time');
    expect(checkInTiming('09:30', w)).toBe('on_time');
    expect(checkInTiming('09:31', w)).toBe('late');
  });
});

describe('the hours a person may come without a reason', () => {
  it('start at the early-arrival margin when it reaches before the window, and say from when early comers are called', () => {
    const a = arrivalTimes('08:00', '09:00', { before: 30, after: 15, earlyMinutes: 60 });
    expect([a.from, a.until, a.heldBefore, a.calledFrom].map((m) => (m === null ? null : timeOfMinutes(m)))).toEqual(['07:00', '09:15', '07:30', '08:00']);
    // The desk agrees: 07.00 is accepted as an early arrival, 06.59 is not, 07.30 is on time.
    const window = checkInWindow('08:00', '09:00', 30, 15);
    expect(withinEarlyMargin('07:00', '08:00', 60)).toBe(true);
    expect(withinEarlyMargin('06:59', '08:00', 60)).toBe(false);
    expect(checkInTiming('07:30', window)).toBe('on_time');
  });

  it('are the check-in window alone when the margin is shorter or off', () => {
    expect(arrivalTimes('08:00', '09:00', { before: 30, after: 15, earlyMinutes: 15 })).toMatchObject({ from: 7 * 60 + 30, heldBefore: null });
    expect(arrivalTimes('08:00', '09:00', { before: 30, after: 15, earlyMinutes: 0 })).toMatchObject({ from: 7 * 60 + 30, heldBefore: null });
  });
});
