import { describe, expect, it } from 'vitest';
import { daySessionProblems, freeQueueLetter, heldForDesk, placesFor, weekProblems } from './schedule.js';

describe('a day of sessions', () => {
  it('accepts sessions that touch and refuses ones that overlap', () => {
    expect(daySessionProblems([{ start: '08:00', end: '09:00', capacity: 40 }, { start: '09:00', end: '10:00', capacity: 40 }], 's')).toEqual([]);
    expect(daySessionProblems([{ start: '08:00', end: '09:30', capacity: 40 }, { start: '09:00', end: '10:00', capacity: 40 }], 's')).toEqual([
      { field: 's.1.start', problem: 'SESSIONS_OVERLAP' },
    ]);
  });

  it('names an end before its start, a bad time and places out of range by field', () => {
    expect(
      daySessionProblems(
        [
          { start: '10:00', end: '09:00', capacity: 40 },
          { start: '25:00', end: '11:00', capacity: -1 },
          { start: '12:00', end: '13:00', capacity: 10_001 },
        ],
        's',
      ),
    ).toEqual([
      { field: 's.0.end', problem: 'END_BEFORE_START' },
      { field: 's.1.start', problem: 'TIME_INVALID' },
      { field: 's.1.capacity', problem: 'CAPACITY_RANGE' },
      { field: 's.2.capacity', problem: 'CAPACITY_RANGE' },
    ]);
  });

  it('refuses weekdays outside 1–7 and a weekday given twice', () => {
    expect(weekProblems([{ weekday: 0, sessions: [] }, { weekday: 5, sessions: [] }, { weekday: 5, sessions: [] }])).toEqual([
      { field: 'weekdays.0.weekday', problem: 'WEEKDAY_INVALID' },
      { field: 'weekdays.2.weekday', problem: 'WEEKDAY_DUPLICATE' },
    ]);
  });
});

describe('places', () => {
  it('holds the desk share rounded down, and only from online booking', () => {
    expect(heldForDesk(40, 10)).toBe(4);
    expect(heldForDesk(5, 10)).toBe(0);
    expect(placesFor('online', 40, 25)).toBe(30);
    expect(placesFor('walk_in', 40, 25)).toBe(40);
  });

  it('draws the first free queue letter', () => {
    expect(freeQueueLetter(['A', 'B', 'D'])).toBe('C');
    expect(freeQueueLetter(Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)))).toBeNull();
  });
});
