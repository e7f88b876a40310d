import { describe, expect, it } from 'vitest';
import { buildOfficeSummary, busiestHours, measureVisit, serviceSeconds, type SummaryInput, tallyOutcomes, type VisitTimes, waitingSeconds } from './office-summary.js';

const visit = (over: Partial<VisitTimes>): VisitTimes => ({
  date: '2026-12-02',
  serviceId: 1,
  checkedInAt: null,
  firstCalledAt: null,
  lastCalledAt: null,
  doneAt: null,
  closedAtDayEnd: false,
  doneCounter: null,
  doneUserId: null,
  ...over,
});

describe('tallyOutcomes', () => {
  it('splits bookings by channel and by what became of them, the parts adding up to booked', () => {
    const t = tallyOutcomes([
      { channel: 'online', status: 'done', checkedIn: true, count: 3 },
      { channel: 'online', status: 'no_show', checkedIn: false, count: 2 },
      { channel: 'online', status: 'no_show', checkedIn: true, count: 1 },
      { channel: 'desk', status: 'cancelled', checkedIn: false, count: 1 },
      { channel: 'walk_in', status: 'booked', checkedIn: false, count: 4 },
      { channel: 'walk_in', status: 'skipped', checkedIn: true, count: 1 },
    ]);
    expect(t).toEqual({ booked: 12, bookedOnline: 6, bookedDesk: 1, bookedWalkIn: 5, checkedIn: 5, served: 3, noShow: 3, cancelled: 1, pending: 5 });
    expect(t.served + t.noShow + t.cancelled + t.pending).toBe(t.booked);
  });
});

describe('waiting and service time of one visit', () => {
  it('waits from check-in to the first call and is served from the last call to the finish', () => {
    const v = visit({
      checkedInAt: '2026-12-02T01:00:00.000Z',
      firstCalledAt: '2026-12-02T01:10:00.000Z',
      lastCalledAt: '2026-12-02T01:30:00.000Z',
      doneAt: '2026-12-02T01:35:00.000Z',
    });
    expect(waitingSeconds(v)).toBe(600);
    expect(serviceSeconds(v)).toBe(300);
  });
  it('has no service time when the day-end rule finished it', () => {
    expect(serviceSeconds(visit({ lastCalledAt: '2026-12-02T01:30:00.000Z', doneAt: '2026-12-02T09:00:00.000Z', closedAtDayEnd: true }))).toBeNull();
  });
});

describe('busiestHours', () => {
  it('puts UTC hours on the office clock and fills the hours between', () => {
    const rows = [
      { utcHour: '2026-12-02T01', type: 'checked_in' as const, count: 3 },
      { utcHour: '2026-12-03T01', type: 'checked_in' as const, count: 2 },
      { utcHour: '2026-12-02T03', type: 'called' as const, count: 4 },
    ];
    expect(busiestHours(rows, 'Asia/Jakarta')).toEqual([
      { hour: 8, checkIns: 5, calls: 0 },
      { hour: 9, checkIns: 0, calls: 0 },
      { hour: 10, checkIns: 0, calls: 4 },
    ]);
    expect(busiestHours(rows, 'Asia/Jayapura')[0]).toEqual({ hour: 10, checkIns: 5, calls: 0 });
    expect(busiestHours([], 'Asia/Jakarta')).toEqual([]);
  });
});

describe('buildOfficeSummary', () => {
  const input: SummaryInput = {
    zone: 'Asia/Jakarta',
    days: [
      { date: '2026-12-02', open: true, sessions: [{ id: 1, capacity: 4 }, { id: 2, capacity: 4 }] },
      { date: '2026-12-05', open: false, sessions: [] },
    ],
    byDay: [
      { date: '2026-12-02', channel: 'online', status: 'done', checkedIn: true, count: 2 },
      { date: '2026-12-02', channel: 'online', status: 'cancelled', checkedIn: false, count: 1 },
    ],
    taken: [{ date: '2026-12-02', sessionId: 1, count: 2 }],
    byService: [{ serviceId: 1, channel: 'online', status: 'done', checkedIn: true, count: 2 }],
    services: [
      { id: 1, code: 'KTP', name: 'KTP-el', nameEn: 'e-ID', active: true },
      { id: 2, code: 'OLD', name: 'Lama', nameEn: 'Old', active: false },
      { id: 3, code: 'KK', name: 'Kartu Keluarga', nameEn: 'Family card', active: true },
    ],
    sessions: [
      { id: 2, letter: 'B', start: '09:00', end: '10:00' },
      { id: 1, letter: 'A', start: '08:00', end: '09:00' },
      { id: 9, letter: 'Z', start: '15:00', end: '16:00' },
    ],
    counters: [{ number: 1, name: 'Loket 1' }, { number: 2, name: 'Loket 2' }],
    visits: [
      visit({ checkedInAt: '2026-12-02T01:00:00Z', firstCalledAt: '2026-12-02T01:02:00Z', lastCalledAt: '2026-12-02T01:02:00Z', doneAt: '2026-12-02T01:12:00Z', doneCounter: 1, doneUserId: 7 }),
      visit({ checkedInAt: '2026-12-02T01:00:00Z', firstCalledAt: '2026-12-02T01:06:00Z', lastCalledAt: '2026-12-02T01:06:00Z', doneAt: '2026-12-02T01:26:00Z', doneCounter: 1, doneUserId: 7 }),
    ].map(measureVisit),
    floorEvents: [
      { counterNumber: 1, userId: 7, username: 'loket-a', type: 'called', count: 2 },
      { counterNumber: 1, userId: 7, username: 'loket-a', type: 'done', count: 2 },
      { counterNumber: 3, userId: 8, username: 'loket-b', type: 'recalled', count: 1 },
    ],
    hours: [],
  };
  const s = buildOfficeSummary(input);

  it('adds up the range and its fill over the open days', () => {
    expect(s.totals).toMatchObject({ openDays: 1, booked: 3, served: 2, cancelled: 1, capacity: 8, taken: 2, fill: 0.25 });
    expect(s.totals.waitingTime).toEqual({ count: 2, medianSeconds: 240, p90Seconds: 360 });
    expect(s.totals.serviceTime).toEqual({ count: 2, medianSeconds: 900, p90Seconds: 1200 });
  });
  it('lists every date, a closed one without places or fill', () => {
    expect(s.days.map((d) => [d.date, d.open, d.capacity, d.fill])).toEqual([
      ['2026-12-02', true, 8, 0.25],
      ['2026-12-05', false, 0, null],
    ]);
  });
  it('lists sessions in clock order, only those planned or booked', () => {
    expect(s.sessions.map((x) => [x.letter, x.capacity, x.taken, x.fill])).toEqual([
      ['A', 4, 2, 0.5],
      ['B', 4, 0, 0],
    ]);
  });
  it('lists active services and inactive ones that were booked', () => {
    expect(s.services.map((x) => [x.code, x.booked])).toEqual([
      ['KTP', 2],
      ['KK', 0],
    ]);
  });
  it('lists every counter, those without a name too, and each clerk', () => {
    expect(s.counters.map((c) => [c.counter, c.name, c.calls, c.served, c.recalls, c.serviceTime.medianSeconds])).toEqual([
      [1, 'Loket 1', 2, 2, 0, 900],
      [2, 'Loket 2', 0, 0, 0, null],
      [3, '', 0, 0, 1, null],
    ]);
    expect(s.clerks.map((c) => [c.username, c.calls, c.served, c.serviceTime.count])).toEqual([
      ['loket-a', 2, 2, 2],
      ['loket-b', 0, 0, 0],
    ]);
  });
});
