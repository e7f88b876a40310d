import { describe, expect, it } from 'vitest';
import { claimDecision, currentClerk, isFinishOutcome, leavesTransferredTicket, mayUndoSkip, transferTargets, undoSkipUntil, UNDO_SKIP_MINUTES } from './counter-work.js';

const JAKARTA = 'Asia/Jakarta';

describe('finish outcomes', () => {
  it('are served, documents incomplete and referred, nothing else', () => {
    expect(['served', 'documents_incomplete', 'referred'].every(isFinishOutcome)).toBe(true);
    expect(isFinishOutcome('lost')).toBe(false);
    expect(isFinishOutcome(undefined)).toBe(false);
  });
});

describe('undoing a skip', () => {
  const skipped = new Date('2026-12-02T01:15:00Z');
  it('is allowed up to the window and not after', () => {
    expect(UNDO_SKIP_MINUTES).toBe(5);
    expect(mayUndoSkip(skipped, new Date('2026-12-02T01:15:00Z'))).toBe(true);
    expect(mayUndoSkip(skipped, new Date('2026-12-02T01:20:00Z'))).toBe(true);
    expect(mayUndoSkip(skipped, new Date('2026-12-02T01:20:01Z'))).toBe(false);
    expect(undoSkipUntil(skipped).toISOString()).toBe('2026-12-02T01:20:00.000Z');
  });
  it('is not allowed for a skip stamped after now (a clock gone back)', () => {
    expect(mayUndoSkip(skipped, new Date('2026-12-02T01:14:59Z'))).toBe(false);
  });
});

describe('who holds a counter', () => {
  const now = new Date('2026-12-02T03:00:00Z'); // 10.00 WIB
  it('is the clerk who took it on the same office day', () => {
    expect(currentClerk({ userId: 7, since: '2026-12-02T00:30:00Z' }, JAKARTA, now)).toBe(7);
  });
  it('is nobody once the office day has changed, even less than 24 hours later', () => {
    // 23.30 WIB the evening before.
    expect(currentClerk({ userId: 7, since: '2026-12-01T16:30:00Z' }, JAKARTA, now)).toBeNull();
    expect(currentClerk({ userId: null, since: null }, JAKARTA, now)).toBeNull();
  });
  it('lets a clerk take a free counter, keep their own, and warns at another clerk\'s', () => {
    const claim = { userId: 7, since: '2026-12-02T01:00:00Z' };
    expect(claimDecision(claim, 7, JAKARTA, now)).toBe('holds');
    expect(claimDecision(claim, 8, JAKARTA, now)).toBe('held_by_other');
    expect(claimDecision({ userId: null, since: null }, 8, JAKARTA, now)).toBe('claim');
  });
});

describe('transfers between counters', () => {
  const counters = [
    { number: 1, serviceIds: [], paused: false, staffed: true },
    { number: 2, serviceIds: [10], paused: false, staffed: true },
    { number: 3, serviceIds: [20], paused: true, staffed: true },
    { number: 4, serviceIds: [30], paused: false, staffed: false },
  ];
  it('go to other counters serving the service, a counter without a list serving all', () => {
    expect(transferTargets(counters, 10, 1).map((c) => c.number)).toEqual([2]);
    expect(transferTargets(counters, 20, 2).map((c) => c.number)).toEqual([1, 3]);
    expect(transferTargets(counters, 10, 2).map((c) => c.number)).toEqual([1]);
    expect(transferTargets([counters[1]!], 20, 1)).toEqual([]);
  });
  it('are not called back by the sending counter while another staffed, open counter serves the service', () => {
    expect(leavesTransferredTicket(counters, { serviceId: 10, transferredFrom: 1 }, 1)).toBe(true);
    expect(leavesTransferredTicket(counters, { serviceId: 10, transferredFrom: 2 }, 1)).toBe(false);
  });
  it('are called back by the sending counter when nobody else could call them', () => {
    // Counter 3 is paused, counter 4 has no clerk today.
    expect(leavesTransferredTicket(counters.slice(2), { serviceId: 20, transferredFrom: 4 }, 4)).toBe(false);
    expect(leavesTransferredTicket([counters[1]!, counters[3]!], { serviceId: 30, transferredFrom: 2 }, 2)).toBe(false);
  });
});
