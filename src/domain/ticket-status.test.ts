import { describe, expect, it } from 'vitest';
import { canTransition, isActive, TICKET_STATUSES } from './ticket-status.js';

describe('ticket statuses', () => {
  it('let a booking be checked in, called, served and finished in order', () => {
    const path = ['booked', 'checked_in', 'called', 'serving', 'done'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('never leave a final status', () => {
    for (const final of ['done', 'cancelled', 'no_show'] as const) {
      for (const to of TICKET_STATUSES) expect(canTransition(final, to)).toBe(false);
    }
  });

  it('let a called ticket be recalled or skipped, and a skipped one be put back in line', () => {
    expect(canTransition('called', 'called')).toBe(true);
    expect(canTransition('called', 'skipped')).toBe(true);
    expect(canTransition('skipped', 'checked_in')).toBe(true);
  });

  it('do not let a booking be served without being checked in and called', () => {
    expect(canTransition('booked', 'serving')).toBe(false);
    expect(canTransition('checked_in', 'serving')).toBe(false);
  });

  it('count only unfinished tickets as holding a place', () => {
    expect(TICKET_STATUSES.filter(isActive)).toEqual(['booked', 'checked_in', 'called', 'serving', 'skipped']);
  });
});
