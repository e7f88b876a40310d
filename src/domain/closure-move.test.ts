import { describe, expect, it } from 'vitest';
import type { DayAvailability, SessionAvailability } from './availability.js';
import { closureNote, closureTarget, inQueueOrder, parseClosureNote } from './closure-move.js';

const session = (id: number, start: string, remaining: number): SessionAvailability => ({
  id,
  letter: String.fromCharCode(64 + id),
  start,
  end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`,
  capacity: 40,
  remaining,
  bookable: remaining > 0,
});
const week = (places: number[]) => [session(1, '08:00', places[0]!), session(2, '09:00', places[1]!), session(3, '13:00', places[2]!)];
const day = (date: string, sessions: SessionAvailability[] | null): DayAvailability => ({
  date,
  open: sessions !== null,
  closure: sessions === null ? { kind: 'national_holiday', name: 'Libur' } : null,
  sessions: sessions ?? [],
});

describe('where a booking of a closed day goes', () => {
  it('takes the same session on the next open day with room, skipping closed days', () => {
    const days = [day('2026-12-03', null), day('2026-12-04', week([1, 1, 1]))];
    expect(closureTarget(days, '2026-12-02', '09:00')).toMatchObject({ date: '2026-12-04', session: { id: 2 } });
  });

  it('takes the nearest later session of that day when its own is full, never an earlier one', () => {
    expect(closureTarget([day('2026-12-03', week([5, 0, 2]))], '2026-12-02', '09:00')).toMatchObject({ date: '2026-12-03', session: { id: 3 } });
    expect(closureTarget([day('2026-12-03', week([5, 5, 0])), day('2026-12-04', week([0, 0, 1]))], '2026-12-02', '13:00')).toMatchObject({
      date: '2026-12-04',
      session: { id: 3 },
    });
  });

  it('matches sessions by start time, since another weekday may have other sessions', () => {
    const friday = [session(7, '08:00', 3), session(8, '13:30', 3)];
    expect(closureTarget([day('2026-12-04', friday)], '2026-12-03', '11:00')).toMatchObject({ session: { id: 8 } });
  });

  it('never goes to the closed day itself or before it', () => {
    expect(closureTarget([day('2026-12-01', week([9, 9, 9])), day('2026-12-02', week([9, 9, 9]))], '2026-12-02', '08:00')).toBeNull();
  });

  it('finds nothing when every later session of the planned days is full or not bookable', () => {
    const notBookable = week([3, 3, 3]).map((s) => ({ ...s, bookable: false }));
    expect(closureTarget([day('2026-12-03', week([4, 0, 0])), day('2026-12-04', notBookable)], '2026-12-02', '09:00')).toBeNull();
  });
});

describe('the order a closed day is emptied in', () => {
  it('is the queue: earlier sessions first, then by queue number', () => {
    const order = inQueueOrder([
      { id: 1, sessionStart: '13:00', queueNumber: 'E001' },
      { id: 2, sessionStart: '08:00', queueNumber: 'A010' },
      { id: 3, sessionStart: '08:00', queueNumber: 'A002' },
      { id: 4, sessionStart: '09:00', queueNumber: 'B001' },
    ]);
    expect(order.map((b) => b.id)).toEqual([3, 2, 4, 1]);
  });
});

describe('the note of a closure event', () => {
  it('keeps the reason and the old place, and reads them back', () => {
    const note = { date: '2026-12-02', reason: 'Banjir: "jalan" tergenang', from: { date: '2026-12-02', sessionStart: '08:00', queueNumber: 'A001' } };
    expect(parseClosureNote(closureNote(note))).toEqual(note);
    expect(parseClosureNote(closureNote({ date: '2026-12-02', reason: 'Banjir' }))).toEqual({ date: '2026-12-02', reason: 'Banjir' });
  });

  it('reads nothing from a note of another kind', () => {
    for (const note of [null, '', 'online', '2026-12-02 08:00 A001', '{"date":1}', 'null', '[]']) expect(parseClosureNote(note)).toBeNull();
  });
});
