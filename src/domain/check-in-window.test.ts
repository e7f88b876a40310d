import { describe, expect, it } from 'vitest';
import { checkInTiming, checkInWindow, timeOfMinutes } from './check-in-window.js';

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
