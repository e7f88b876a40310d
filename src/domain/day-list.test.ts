import { describe, expect, it } from 'vitest';
import { dayCounts, dayGroupOf } from './day-list.js';

describe("the desk's list of today", () => {
  it('puts each status in the group the desk reads it by, leaving cancelled bookings out', () => {
    expect(dayGroupOf('booked')).toBe('expected');
    expect(dayGroupOf('checked_in')).toBe('waiting');
    expect(dayGroupOf('called')).toBe('at_counter');
    expect(dayGroupOf('serving')).toBe('at_counter');
    expect(dayGroupOf('done')).toBe('served');
    expect(dayGroupOf('skipped')).toBe('no_show');
    expect(dayGroupOf('no_show')).toBe('no_show');
    expect(dayGroupOf('cancelled')).toBeNull();
  });

  it('counts who came as waiting, at a counter or served', () => {
    expect(dayCounts(['booked', 'checked_in', 'called', 'done', 'done', 'no_show', 'cancelled'])).toEqual({
      expected: 1,
      waiting: 1,
      at_counter: 1,
      served: 2,
      no_show: 1,
      checked_in: 4,
    });
  });
});
