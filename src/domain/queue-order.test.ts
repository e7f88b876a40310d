import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callingOrder, compareWaiting, PRIORITY_GROUPS, type WaitingTicket } from './queue-order.js';

const t = (id: number, over: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id,
  priority: null,
  sessionStart: '08:00',
  checkedInAt: `2026-12-02T01:${String(id).padStart(2, '0')}:00.000Z`,
  ...over,
});

describe('the calling order', () => {
  it('calls priority groups before everyone else, even from a later session', () => {
    const order = callingOrder([t(1), t(2, { priority: 'elderly', sessionStart: '10:00' }), t(3)]);
    expect(order.map((x) => x.id)).toEqual([2, 1, 3]);
  });

  it('calls an earlier session before a later one, whoever arrived first', () => {
    const order = callingOrder([t(1, { sessionStart: '09:00' }), t(2, { sessionStart: '08:00' })]);
    expect(order.map((x) => x.id)).toEqual([2, 1]);
  });

  it('calls by arrival within a session', () => {
    const order = callingOrder([t(3), t(1), t(2)]);
    expect(order.map((x) => x.id)).toEqual([1, 2, 3]);
  });

  it('is a total order: antisymmetric and transitive on any tickets', () => {
    const ticket = fc.record({
      id: fc.nat(1000),
      priority: fc.constantFrom(null, ...PRIORITY_GROUPS),
      sessionStart: fc.constantFrom('08:00', '09:00', '13:00'),
      checkedInAt: fc.constantFrom('2026-12-02T01:00:00Z', '2026-12-02T01:05:00Z', '2026-12-02T02:00:00Z'),
    });
    fc.assert(
      fc.property(ticket, ticket, ticket, (a, b, c) => {
        expect(Math.sign(compareWaiting(a, b))).toBe(-Math.sign(compareWaiting(b, a)) || 0);
        if (compareWaiting(a, b) <= 0 && compareWaiting(b, c) <= 0) expect(compareWaiting(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('puts every priority ticket ahead of every other ticket', () => {
    const ticket = fc.record({
      id: fc.nat(1000),
      priority: fc.constantFrom(null, 'pregnant' as const),
      sessionStart: fc.constantFrom('08:00', '13:00'),
      checkedInAt: fc.constantFrom('2026-12-02T01:00:00Z', '2026-12-02T03:00:00Z'),
    });
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 30 }), (tickets) => {
        const order = callingOrder(tickets);
        const firstPlain = order.findIndex((x) => !x.priority);
        if (firstPlain >= 0) expect(order.slice(firstPlain).every((x) => !x.priority)).toBe(true);
      }),
    );
  });
});
