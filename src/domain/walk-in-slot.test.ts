import { describe, expect, it } from 'vitest';
import type { DayAvailability } from './availability.js';
import { walkInSlot } from './walk-in-slot.js';

const session = (id: number, bookable: boolean) => ({ id, letter: 'A', start: '08:00', end: '09:00', capacity: 40, remaining: bookable ? 1 : 0, bookable });
const day = (date: string, open: boolean, sessions = [session(1, true), session(2, true)]): DayAvailability => ({
  date,
  open,
  closure: open ? null : { kind: 'weekend' },
  sessions: open ? sessions : [],
});

describe('placing a walk-in', () => {
  it('never books today, even when today has places', () => {
    const slot = walkInSlot([day('2026-12-01', true), day('2026-12-02', true)], '2026-12-01');
    expect(slot?.date).toBe('2026-12-02');
  });

  it('skips closed and full days and takes the earliest session with places', () => {
    const slot = walkInSlot(
      [day('2026-12-04', true, [session(1, false), session(2, false)]), day('2026-12-05', false), day('2026-12-07', true, [session(1, false), session(2, true)])],
      '2026-12-03',
    );
    expect(slot).toMatchObject({ date: '2026-12-07', session: { id: 2 } });
  });

  it('finds nothing when every day is closed or full', () => {
    expect(walkInSlot([day('2026-12-05', false)], '2026-12-04')).toBeNull();
  });
});
