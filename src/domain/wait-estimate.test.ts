import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITY_GROUPS } from './queue-order.js';
import {
  countersServing,
  estimateCall,
  estimateCallFor,
  estimateWait,
  type LineTicket,
  MIN_SAMPLES,
  placeInLine,
  roundOutward,
  type ServiceTimeSample,
  typicalServiceTime,
  waitingByService,
  waitMinutesRange,
} from './wait-estimate.js';

const KTP = 1;
const KK = 2;

const ticket = (id: number, over: Partial<LineTicket> = {}): LineTicket => ({
  id,
  serviceId: KTP,
  priority: null,
  sessionStart: '08:00',
  checkedInAt: `2026-12-02T01:${String(id).padStart(2, '0')}:00.000Z`,
  ...over,
});

const samples = (date: string, serviceId: number, ...minutes: number[]): ServiceTimeSample[] => minutes.map((m) => ({ date, serviceId, seconds: m * 60 }));

describe('a place in the line', () => {
  it('counts only the same service, in calling order', () => {
    const waiting = [ticket(1), ticket(2, { serviceId: KK }), ticket(3), ticket(4)];
    expect(placeInLine(waiting, 4)).toEqual({ position: 3, ahead: 2 });
    expect(placeInLine(waiting, 2)).toEqual({ position: 1, ahead: 0 });
  });

  it('puts a priority group and an earlier session ahead of someone who came first', () => {
    const waiting = [ticket(1), ticket(2, { priority: 'elderly', sessionStart: '10:00' }), ticket(3, { sessionStart: '07:00' })];
    expect(placeInLine(waiting, 1)).toEqual({ position: 3, ahead: 2 });
  });

  it('has no place for a ticket that is not waiting', () => {
    expect(placeInLine([ticket(1)], 9)).toBeNull();
  });

  it('gives each of a service\'s waiting tickets a different place, 1 to n, in calling order', () => {
    const arbitraryLine = fc.uniqueArray(
      fc.record({
        id: fc.nat(500),
        serviceId: fc.constantFrom(KTP, KK, 3),
        priority: fc.constantFrom(null, ...PRIORITY_GROUPS),
        sessionStart: fc.constantFrom('08:00', '09:00', '13:00'),
        checkedInAt: fc.constantFrom('2026-12-02T01:00:00Z', '2026-12-02T01:05:00Z', '2026-12-02T02:00:00Z'),
      }),
      { selector: (t) => t.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(arbitraryLine, (line) => {
        const counts = waitingByService(line);
        for (const [serviceId, n] of counts) {
          const places = line.filter((t) => t.serviceId === serviceId).map((t) => placeInLine(line, t.id)!.position);
          expect([...places].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        }
        // Someone called (taken out of the line) moves everyone behind them up by one, nobody else.
        if (line.length) {
          const gone = line[0]!;
          const rest = line.filter((t) => t !== gone);
          const goneAt = placeInLine(line, gone.id)!.position;
          for (const t of rest) {
            const before = placeInLine(line, t.id)!.position;
            const after = placeInLine(rest, t.id)!.position;
            expect(after).toBe(t.serviceId === gone.serviceId && before > goneAt ? before - 1 : before);
          }
        }
      }),
    );
  });
});

describe('the counters calling a service', () => {
  const counters = [
    { paused: false, serviceIds: [] },
    { paused: false, serviceIds: [KK] },
    { paused: true, serviceIds: [KTP] },
  ];

  it('counts open counters that call the service, a counter without a list calling every service', () => {
    expect(countersServing(counters, KTP)).toBe(1);
    expect(countersServing(counters, KK)).toBe(2);
  });

  it('counts the paused ones when all of them are on a break, and none when no counter calls it', () => {
    expect(countersServing([{ paused: true, serviceIds: [KTP] }, { paused: true, serviceIds: [] }], KTP)).toBe(2);
    expect(countersServing([{ paused: false, serviceIds: [KK] }], KTP)).toBe(0);
  });
});

describe('the typical service time', () => {
  const today = '2026-12-02';

  it('is the median of today\'s visits of the service once there are enough', () => {
    const all = [...samples(today, KTP, 4, 6, 8, 10, 30), ...samples(today, KK, 1, 1, 1, 1, 1)];
    expect(typicalServiceTime(all, { today, serviceId: KTP })).toEqual({ seconds: 8 * 60, basis: 'today-service', count: 5 });
  });

  it('takes the whole office\'s visits today when the service has too few', () => {
    const all = [...samples(today, KTP, 20), ...samples(today, KK, 2, 3, 4, 5)];
    expect(typicalServiceTime(all, { today, serviceId: KTP })).toEqual({ seconds: 4 * 60, basis: 'today-office', count: 5 });
  });

  it('early in the morning, uses the last five open days before today, not older ones', () => {
    const all = [
      ...samples('2026-11-20', KTP, 60, 60, 60, 60, 60, 60),
      ...samples('2026-11-24', KTP, 10),
      ...samples('2026-11-25', KTP, 10),
      ...samples('2026-11-26', KTP, 12),
      ...samples('2026-11-27', KTP, 12),
      ...samples('2026-11-30', KTP, 14, 16),
      ...samples(today, KTP, 5),
    ];
    expect(typicalServiceTime(all, { today, serviceId: KTP })).toEqual({ seconds: 12 * 60, basis: 'recent-service', count: 6 });
  });

  it('falls back to the office\'s recent days, and says nothing when even those are too few', () => {
    const recent = [...samples('2026-11-30', KK, 3, 3, 3, 9, 9), ...samples('2026-11-30', KTP, 9)];
    expect(typicalServiceTime(recent, { today, serviceId: KTP })).toEqual({ seconds: 6 * 60, basis: 'recent-office', count: 6 });
    expect(typicalServiceTime(samples('2026-11-30', KTP, 1, 2, 3), { today, serviceId: KTP })).toBeNull();
    expect(typicalServiceTime([], { today, serviceId: KTP })).toBeNull();
  });

  it('ignores visits more than a month old and any from after today', () => {
    const old = samples('2026-10-01', KTP, 7, 7, 7, 7, 7);
    const future = samples('2026-12-03', KTP, 7, 7, 7, 7, 7);
    expect(typicalServiceTime([...old, ...future], { today, serviceId: KTP })).toBeNull();
  });

  it('always lies between the shortest and the longest visit it was measured on', () => {
    const sample = fc.record({
      date: fc.constantFrom('2026-11-27', '2026-11-30', today),
      serviceId: fc.constantFrom(KTP, KK),
      seconds: fc.integer({ min: 1, max: 7200 }),
    });
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 30 }), (all) => {
        const typical = typicalServiceTime(all, { today, serviceId: KTP });
        if (all.length < MIN_SAMPLES) expect(typical).toBeNull();
        if (!typical) return;
        const secs = all.map((s) => s.seconds);
        expect(typical.seconds).toBeGreaterThanOrEqual(Math.min(...secs));
        expect(typical.seconds).toBeLessThanOrEqual(Math.max(...secs));
        expect(typical.count).toBeGreaterThanOrEqual(MIN_SAMPLES);
      }),
    );
  });
});

describe('the estimated wait', () => {
  it('with one counter and ten-minute visits, the third in line waits 25 minutes, 20 to 30', () => {
    expect(estimateWait({ ahead: 2, counters: 1, serviceSeconds: 600 })).toEqual({ earliestSeconds: 1200, middleSeconds: 1500, latestSeconds: 1800 });
  });

  it('shares the line among the counters calling it', () => {
    expect(estimateWait({ ahead: 3, counters: 2, serviceSeconds: 600 }).middleSeconds).toBe(1050);
  });

  it('widens to a fifth either side down a long line', () => {
    expect(estimateWait({ ahead: 19, counters: 1, serviceSeconds: 600 })).toEqual({ earliestSeconds: 9360, middleSeconds: 11_700, latestSeconds: 14_040 });
  });

  it('refuses impossible inputs rather than guessing', () => {
    expect(() => estimateWait({ ahead: -1, counters: 1, serviceSeconds: 60 })).toThrow(RangeError);
    expect(() => estimateWait({ ahead: 0, counters: 0, serviceSeconds: 60 })).toThrow(RangeError);
    expect(() => estimateWait({ ahead: 0, counters: 1, serviceSeconds: 0 })).toThrow(RangeError);
  });

  it('never shrinks when more people are ahead, never grows with more counters, and always holds its middle', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 30, max: 7200 }), (ahead, counters, serviceSeconds) => {
        const w = estimateWait({ ahead, counters, serviceSeconds });
        expect(w.earliestSeconds).toBeGreaterThanOrEqual(0);
        expect(w.earliestSeconds).toBeLessThanOrEqual(w.middleSeconds);
        expect(w.middleSeconds).toBeLessThan(w.latestSeconds);
        const longer = estimateWait({ ahead: ahead + 1, counters, serviceSeconds });
        expect(longer.earliestSeconds).toBeGreaterThanOrEqual(w.earliestSeconds);
        expect(longer.middleSeconds).toBeGreaterThan(w.middleSeconds);
        expect(longer.latestSeconds).toBeGreaterThan(w.latestSeconds);
        const moreCounters = estimateWait({ ahead, counters: counters + 1, serviceSeconds });
        expect(moreCounters.middleSeconds).toBeLessThan(w.middleSeconds);
        expect(moreCounters.latestSeconds).toBeLessThanOrEqual(w.latestSeconds);
      }),
    );
  });
});

describe('the estimated call', () => {
  const now = new Date('2026-12-02T03:05:00Z'); // 10.05 WIB

  it('counts the wait from now', () => {
    const call = estimateCall({ now, wait: { earliestSeconds: 1200, middleSeconds: 1500, latestSeconds: 1800 } });
    expect(call).toEqual({ at: new Date('2026-12-02T03:30:00Z'), earliest: new Date('2026-12-02T03:25:00Z'), latest: new Date('2026-12-02T03:35:00Z') });
  });

  it('lets the line move only once calling begins in the morning', () => {
    const early = new Date('2026-12-02T00:10:00Z'); // 07.10 WIB
    const opens = new Date('2026-12-02T01:00:00Z'); // 08.00 WIB
    const call = estimateCall({ now: early, startsAt: opens, wait: { earliestSeconds: 1440, middleSeconds: 1800, latestSeconds: 2160 } });
    expect(call).toEqual({ at: new Date('2026-12-02T01:30:00Z'), earliest: new Date('2026-12-02T01:24:00Z'), latest: new Date('2026-12-02T01:36:00Z') });
  });

  it('holds the call back to the session\'s start for someone who came early', () => {
    const notBefore = new Date('2026-12-02T06:00:00Z'); // 13.00 WIB
    const call = estimateCall({ now, wait: { earliestSeconds: 0, middleSeconds: 300, latestSeconds: 600 }, notBefore });
    expect(call.earliest).toEqual(notBefore);
    expect(call.at).toEqual(notBefore);
    expect(call.latest).toEqual(notBefore);
  });

  it('says nothing without a counter for the service or without enough measured visits', () => {
    const serviceTime = { seconds: 600, basis: 'today-service' as const, count: 9 };
    expect(estimateCallFor({ now, ahead: 2, counters: 0, serviceTime })).toBeNull();
    expect(estimateCallFor({ now, ahead: 2, counters: 1, serviceTime: null })).toBeNull();
    expect(estimateCallFor({ now, ahead: 2, counters: 1, serviceTime })?.at).toEqual(new Date('2026-12-02T03:30:00Z'));
  });
});

describe('ranges as said aloud', () => {
  it('widen outward to five minutes and are never a single instant', () => {
    expect(roundOutward(new Date('2026-12-02T03:23:10Z'), new Date('2026-12-02T03:36:00Z'))).toEqual({
      from: new Date('2026-12-02T03:20:00Z'),
      to: new Date('2026-12-02T03:40:00Z'),
    });
    const at = new Date('2026-12-02T06:00:00Z');
    expect(roundOutward(at, at)).toEqual({ from: at, to: new Date('2026-12-02T06:05:00Z') });
  });

  it('turn a wait into whole minutes', () => {
    expect(waitMinutesRange({ earliestSeconds: 1200, middleSeconds: 1500, latestSeconds: 1800 })).toEqual({ fromMinutes: 20, toMinutes: 30 });
    expect(waitMinutesRange({ earliestSeconds: 0, middleSeconds: 100, latestSeconds: 130 })).toEqual({ fromMinutes: 0, toMinutes: 5 });
  });

  it('always contain the range they round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000 }), fc.integer({ min: 0, max: 14_400_000 }), (start, length) => {
        const base = Date.UTC(2026, 11, 2);
        const earliest = new Date(base + start);
        const latest = new Date(base + start + length);
        const r = roundOutward(earliest, latest);
        expect(r.from.getTime()).toBeLessThanOrEqual(earliest.getTime());
        expect(r.to.getTime()).toBeGreaterThanOrEqual(latest.getTime());
        expect(r.to.getTime()).toBeGreaterThan(r.from.getTime());
        expect(r.from.getTime() % 300_000).toBe(0);
      }),
    );
  });
});
