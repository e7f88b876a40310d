import { describe, expect, it } from 'vitest';
import { officeClock } from './office-clock.js';

const office = { timezone: 'Asia/Jakarta', same_day_booking: 0, booking_days_ahead: 14, open_weekdays: '1,2,3,4,5' };

describe('the office clock', () => {
  it('reads today and the time on the office wall, not the server zone', () => {
    // 17:30 UTC on 7 December is 00:30 on 8 December in Jakarta.
    const clock = officeClock(office, new Date('2026-12-07T17:30:00Z'));
    expect(clock.today).toBe('2026-12-08');
    expect(clock.nowTime).toBe('00:30');
  });

  it('opens the booking window tomorrow without same-day booking and today with it', () => {
    const now = new Date('2026-12-07T03:00:00Z');
    expect(officeClock(office, now).window).toEqual({ first: '2026-12-08', last: '2026-12-21' });
    expect(officeClock({ ...office, same_day_booking: 1 }, now).window).toEqual({ first: '2026-12-07', last: '2026-12-21' });
  });

  it('lists the open weekdays as numbers', () => {
    expect(officeClock(office, new Date('2026-12-07T03:00:00Z')).openWeekdays).toEqual([1, 2, 3, 4, 5]);
  });
});
