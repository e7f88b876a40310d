import { describe, expect, it } from 'vitest';
import { calledDedupeKey, type LineTicket, ticketsNearTheirTurn, turnNearDedupeKey } from './turn-near.js';

function ticket(id: number, serviceId: number, over: Partial<LineTicket> = {}): LineTicket {
  return { id, serviceId, priority: null, sessionStart: '08:00', checkedInAt: `2026-12-01T01:${String(id).padStart(2, '0')}:00Z`, ...over };
}

describe('whose turn nears', () => {
  it('tells the first ones of each service line with 3 or fewer ahead', () => {
    const line = [1, 2, 3, 4, 5, 6].map((id) => ticket(id, 1));
    expect(ticketsNearTheirTurn(line, 3).map((t) => t.id)).toEqual([1, 2, 3, 4]);
  });

  it('counts people ahead in the ticket’s own line only', () => {
    const waiting = [ticket(1, 1), ticket(2, 2), ticket(3, 1), ticket(4, 2), ticket(5, 1)];
    expect(ticketsNearTheirTurn(waiting, 1).map((t) => t.id).sort()).toEqual([1, 2, 3, 4]);
  });

  it('follows the calling order: a priority group and an earlier session come first', () => {
    const waiting = [ticket(1, 1, { sessionStart: '09:00' }), ticket(2, 1), ticket(3, 1, { priority: 'elderly', sessionStart: '10:00' })];
    expect(ticketsNearTheirTurn(waiting, 1).map((t) => t.id)).toEqual([3, 2]);
  });

  it('tells nobody when the office set 0', () => {
    expect(ticketsNearTheirTurn([ticket(1, 1)], 0)).toEqual([]);
  });

  it('keys the message once per ticket and day, and the call once per call', () => {
    expect(turnNearDedupeKey(5, '2026-12-01')).toBe('turn_near:5:2026-12-01');
    expect(calledDedupeKey(5, '2026-12-01T02:00:00.000Z')).toBe('turn_near:called:5:2026-12-01T02:00:00.000Z');
  });
});
