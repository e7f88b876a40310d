import { describe, expect, it } from 'vitest';
import type { DayAvailability } from './availability.js';
import { bookablePlaces, nextDayWithPlaces } from './next-open-day.js';

const session = (id: number, remaining: number, bookable = remaining > 0) => ({
  id,
  letter: 'ABCDE'[id - 1] ?? 'A',
  start: '08:00',
  end: '09:00',
  capacity: 40,
  remaining,
  bookable,
});
const open = (date: string, ...remaining: number[]): DayAvailability => ({
  date,
  open: true,
  closure: null,
  sessions: remaining.map((r, i) => session(i + 1, r)),
});
const closed = (date: string): DayAvailability => ({
  date,
  open: false,
  closure: { kind: 'national_holiday', name: 'Hari Raya Natal' },
  sessions: [],
});

describe('bookablePlaces', () => {
  it('adds up the places of sessions a citizen may still book', () => {
    expect(bookablePlaces(open('2026-12-02', 40, 0, 3))).toBe(43);
  });

  it('ignores places in sessions that are not bookable, such as today\'s or those outside the window', () => {
    const day = open('2026-12-01');
    day.sessions.push(session(1, 40, false));
    expect(bookablePlaces(day)).toBe(0);
  });
});

describe('nextDayWithPlaces', () => {
  const days = [open('2026-12-23', 0, 0), closed('2026-12-24'), closed('2026-12-25'), open('2026-12-28', 0, 0), open('2026-12-29', 0, 5)];

  it('skips closed days and full days to the first day with a place', () => {
    expect(nextDayWithPlaces(days, '2026-12-23')?.date).toBe('2026-12-29');
  });

  it('looks only after the given date, never at it', () => {
    expect(nextDayWithPlaces([open('2026-12-02', 10)], '2026-12-02')).toBeNull();
  });

  it('answers null when every planned day is full or closed', () => {
    expect(nextDayWithPlaces(days.slice(0, 4), '2026-12-01')).toBeNull();
  });
});

describe('nearestSessionWithPlaces', () => {
  const day = (date: string, ...sessions: [id: number, start: string, remaining: number][]): DayAvailability => ({
    date,
    open: true,
    closure: null,
    sessions: sessions.map(([id, start, remaining]) => ({ id, letter: 'A', start, end: start.replace(/^(\d\d)/, (h) => String(Number(h) + 1).padStart(2, '0')), capacity: 40, remaining, bookable: remaining > 0 })),
  });

  it('offers the session nearest in time to the one that filled, the later one on a tie', async () => {
    const { nearestSessionWithPlaces } = await import('./next-open-day.js');
    const days = [day('2026-12-02', [1, '08:00', 3], [2, '09:00', 0], [3, '10:00', 5]), day('2026-12-03', [1, '08:00', 9])];
    expect(nearestSessionWithPlaces(days, { date: '2026-12-02', sessionId: 2 })).toMatchObject({ day: { date: '2026-12-02' }, session: { id: 3 } });
    const morningGone = [day('2026-12-02', [1, '08:00', 0], [2, '13:00', 0]), closed('2026-12-03'), day('2026-12-04', [1, '08:00', 1])];
    expect(nearestSessionWithPlaces(morningGone, { date: '2026-12-02', sessionId: 2 })).toMatchObject({ day: { date: '2026-12-04' }, session: { id: 1 } });
    expect(nearestSessionWithPlaces([day('2026-12-02', [1, '08:00', 0])], { date: '2026-12-02', sessionId: 1 })).toBeNull();
  });
});
