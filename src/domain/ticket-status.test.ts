import { describe, expect, it } from 'vitest';
import { canTransition, dayEndEvent, isActive, isAllowedMove, TICKET_EVENT_TYPES, TICKET_MOVES, TICKET_STATUSES } from './ticket-status.js';

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

  it('let a skip be undone back to called, by its own kind of event only', () => {
    expect(isAllowedMove('skip_undone', 'skipped', 'called')).toBe(true);
    for (const from of TICKET_STATUSES) if (from !== 'skipped') expect(isAllowedMove('skip_undone', from, 'called')).toBe(false);
  });

  it('do not let a booking be served without being checked in and called', () => {
    expect(canTransition('booked', 'serving')).toBe(false);
    expect(canTransition('checked_in', 'serving')).toBe(false);
  });

  it('count only unfinished tickets as holding a place', () => {
    expect(TICKET_STATUSES.filter(isActive)).toEqual(['booked', 'checked_in', 'called', 'serving', 'skipped']);
  });
});

describe('the table of allowed moves', () => {
  it('lists exactly these moves, by the event that records them', () => {
    const moves = TICKET_EVENT_TYPES.flatMap((type) => TICKET_MOVES[type].from.map((from) => `${type}: ${from ?? '∅'} → ${TICKET_MOVES[type].to}`));
    expect(moves).toEqual([
      'booked: ∅ → booked',
      'rescheduled: booked → booked',
      'cancelled: booked → cancelled',
      'checked_in: booked → checked_in',
      'called: checked_in → called',
      'recalled: called → called',
      'skipped: called → skipped',
      'serving: called → serving',
      'done: serving → done',
      'transferred: serving → checked_in',
      'requeued: skipped → checked_in',
      'skip_undone: skipped → called',
      'no_show: booked → no_show',
      'no_show: checked_in → no_show',
      'no_show: called → no_show',
      'no_show: skipped → no_show',
      'moved_by_closure: booked → booked',
      'cancelled_by_closure: booked → cancelled',
    ]);
  });

  it('creates a ticket only by booking it, and only from nothing', () => {
    for (const type of TICKET_EVENT_TYPES) {
      for (const to of TICKET_STATUSES) expect(isAllowedMove(type, null, to)).toBe(type === 'booked' && to === 'booked');
    }
    for (const from of TICKET_STATUSES) expect(isAllowedMove('booked', from, 'booked')).toBe(false);
  });

  it('refuses an event that leads somewhere other than its own status', () => {
    expect(isAllowedMove('cancelled', 'booked', 'no_show')).toBe(false);
    expect(isAllowedMove('done', 'serving', 'no_show')).toBe(false);
    expect(isAllowedMove('transferred', 'serving', 'checked_in')).toBe(true);
  });

  it('moves or cancels for a closed day only a booking not yet at the office', () => {
    for (const from of TICKET_STATUSES) {
      expect(isAllowedMove('moved_by_closure', from, 'booked')).toBe(from === 'booked');
      expect(isAllowedMove('cancelled_by_closure', from, 'cancelled')).toBe(from === 'booked');
    }
    expect(isAllowedMove('moved_by_closure', 'booked', 'cancelled')).toBe(false);
  });

  it('never lets a ticket being served become a no-show', () => {
    expect(canTransition('serving', 'no_show')).toBe(false);
  });
});

describe('the day-end rule', () => {
  it('closes a ticket still being served as done, noting why', () => {
    expect(dayEndEvent('serving')).toEqual({ type: 'done', note: 'closed_at_day_end' });
  });

  it('closes a booked, waiting, called or skipped ticket as a no-show', () => {
    for (const status of ['booked', 'checked_in', 'called', 'skipped'] as const) expect(dayEndEvent(status)).toEqual({ type: 'no_show', note: null });
  });

  it('leaves finished tickets alone', () => {
    for (const status of ['done', 'cancelled', 'no_show'] as const) expect(dayEndEvent(status)).toBeNull();
  });

  it('closes every active status by an allowed move', () => {
    for (const status of TICKET_STATUSES.filter(isActive)) {
      const end = dayEndEvent(status)!;
      expect(isAllowedMove(end.type, status, TICKET_MOVES[end.type].to)).toBe(true);
    }
  });
});
