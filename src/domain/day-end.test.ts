import { describe, expect, it } from 'vitest';
import { isDayOver } from './day-end.js';

describe('when a day is over', () => {
  const day = { sessionEnds: ['09:00', '12:00', '10:30'], checkInAfterMinutes: 15 };

  it('is not over before the last session has ended and its late check-in shut', () => {
    expect(isDayOver({ ...day, nowTime: '11:59' })).toBe(false);
    expect(isDayOver({ ...day, nowTime: '12:15' })).toBe(false);
  });

  it('is over once the late check-in after the last session has shut', () => {
    expect(isDayOver({ ...day, nowTime: '12:16' })).toBe(true);
  });

  it('counts from midnight when the office has no sessions', () => {
    expect(isDayOver({ nowTime: '00:00', sessionEnds: [], checkInAfterMinutes: 0 })).toBe(false);
    expect(isDayOver({ nowTime: '00:01', sessionEnds: [], checkInAfterMinutes: 0 })).toBe(true);
  });
});
