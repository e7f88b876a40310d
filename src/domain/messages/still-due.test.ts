import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS } from './reminder-schedule.js';
import { deliveryDecision, quietHoursEnd } from './still-due.js';

const office = { zone: 'Asia/Jakarta', settings: DEFAULT_REMINDER_SETTINGS };
const booked = { id: 7, status: 'booked' as const, date: '2026-12-02', sessionStart: '08:00', lastCalledAt: null };

describe('whether a reminder or turn message may still go out', () => {
  it('always sends booking, move and cancel messages', () => {
    expect(deliveryDecision({ kind: 'cancelled', dedupeKey: 'x' }, null, office, new Date('2026-12-01T20:00:00Z'))).toEqual({ action: 'send' });
  });

  it('sends a reminder in its window and drops it for another day or status', () => {
    const key = 'reminder_evening:7:2026-12-02';
    const at = new Date('2026-12-01T11:30:00Z'); // 18.30 WIB the evening before
    expect(deliveryDecision({ kind: 'reminder_evening', dedupeKey: key }, booked, office, at)).toEqual({ action: 'send' });
    expect(deliveryDecision({ kind: 'reminder_evening', dedupeKey: key }, { ...booked, date: '2026-12-03' }, office, at).action).toBe('drop');
    expect(deliveryDecision({ kind: 'reminder_evening', dedupeKey: key }, { ...booked, status: 'cancelled' }, office, at).action).toBe('drop');
  });

  it('holds a reminder still in its window through quiet hours until 06.00 office time', () => {
    const late = { ...booked, sessionStart: '23:00' };
    const at = new Date('2026-12-02T14:30:00Z'); // 21.30 WIB, the before window runs until 23.00
    expect(deliveryDecision({ kind: 'reminder_before', dedupeKey: 'reminder_before:7:2026-12-02' }, late, office, at)).toEqual({ action: 'hold', until: new Date('2026-12-02T23:00:00Z') });
    expect(quietHoursEnd('Asia/Jakarta', new Date('2026-12-01T22:00:00Z'))).toEqual(new Date('2026-12-01T23:00:00Z')); // 05.00 → 06.00 the same day
  });

  it('sends "go to the counter" only while that call stands, a skip undone included', () => {
    const key = 'turn_near:called:7:2026-12-02T01:10:00.000Z';
    const called = { ...booked, status: 'called' as const, lastCalledAt: '2026-12-02T01:10:00.000Z' };
    const at = new Date('2026-12-02T01:12:00Z');
    expect(deliveryDecision({ kind: 'turn_near', dedupeKey: key }, called, office, at)).toEqual({ action: 'send' });
    expect(deliveryDecision({ kind: 'turn_near', dedupeKey: key }, { ...called, lastCalledAt: '2026-12-02T01:11:00.000Z' }, office, at).action).toBe('drop');
    expect(deliveryDecision({ kind: 'turn_near', dedupeKey: key }, { ...called, status: 'serving' }, office, at).action).toBe('drop');
  });
});
