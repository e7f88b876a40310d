import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertBookable, closureOn, hasRoom, planDays, sameSessionsEachDay, slotKey, type PlanInput } from './availability.js';
import { DomainError } from './errors.js';
import { eachDay } from './local-date.js';

const sessions = [
  { id: 1, letter: 'A', start: '08:00', end: '09:00', capacity: 40 },
  { id: 2, letter: 'B', start: '13:00', end: '14:00', capacity: 40 },
];

function input(over: Partial<PlanInput> = {}): PlanInput {
  return {
    dates: eachDay('2026-12-14', 7),
    closedDays: new Map([['2026-12-17', { kind: 'office_closure', name: 'Gangguan jaringan SIAK' }]]),
    sessionsOn: sameSessionsEachDay([1, 2, 3, 4, 5], sessions),
    booked: new Map(),
    window: { first: '2026-12-15', last: '2026-12-28' },
    today: '2026-12-14',
    nowTime: '10:00',
    ...over,
  };
}

describe('planning days', () => {
  it('closes weekends and dated closures, with the dated reason first', () => {
    const days = planDays(input());
    expect(days.map((d) => d.open)).toEqual([true, true, true, false, true, false, false]);
    expect(days[3]!.closure).toEqual({ kind: 'office_closure', name: 'Gangguan jaringan SIAK' });
    expect(days[5]!.closure).toEqual({ kind: 'weekend' });
  });

  it('lets a dated closure close a weekend day with its own reason', () => {
    const closedDays = new Map([['2026-12-19', { kind: 'national_holiday' as const, name: 'Contoh' }]]);
    expect(closureOn('2026-12-19', [1, 2, 3, 4, 5], closedDays)).toEqual({ kind: 'national_holiday', name: 'Contoh' });
  });

  it('counts remaining places from active bookings and never goes below zero', () => {
    const booked = new Map([
      [slotKey('2026-12-15', 1), 39],
      [slotKey('2026-12-15', 2), 45],
    ]);
    const [, tue] = planDays(input({ booked }));
    expect(tue!.sessions.map((s) => [s.remaining, s.bookable])).toEqual([
      [1, true],
      [0, false],
    ]);
  });

  it('keeps days outside the booking window visible but not bookable', () => {
    const [mon] = planDays(input());
    expect(mon!.open).toBe(true);
    expect(mon!.sessions.every((s) => !s.bookable)).toBe(true);
  });

  it('closes today\'s sessions that are over when same-day booking is on', () => {
    const [mon] = planDays(input({ window: { first: '2026-12-14', last: '2026-12-28' }, nowTime: '10:00' }));
    expect(mon!.sessions.map((s) => s.bookable)).toEqual([false, true]);
  });

  it('never shows a session as bookable when it has no room or lies outside the window', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.integer({ min: 0, max: 20 }), (b1, b2, offset) => {
        const booked = new Map([
          [slotKey('2026-12-15', 1), b1],
          [slotKey('2026-12-15', 2), b2],
        ]);
        const dates = eachDay('2026-12-01', 40).slice(offset, offset + 20);
        for (const day of planDays(input({ booked, dates }))) {
          for (const s of day.sessions) {
            if (s.bookable) {
              expect(s.remaining).toBeGreaterThan(0);
              expect(day.date >= '2026-12-15' && day.date <= '2026-12-28').toBe(true);
            }
            expect(s.remaining).toBeGreaterThanOrEqual(0);
            expect(s.remaining).toBeLessThanOrEqual(s.capacity);
          }
        }
      }),
    );
  });
});

describe('checking a requested session', () => {
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as DomainError).code;
    }
  };

  it('refuses closed days, unknown sessions, full sessions and sessions outside the window', () => {
    const days = planDays(input({ booked: new Map([[slotKey('2026-12-16', 1), 40]]) }));
    const byDate = (d: string) => days.find((x) => x.date === d)!;
    expect(code(() => assertBookable(byDate('2026-12-17'), 1))).toBe('CLOSED');
    expect(code(() => assertBookable(byDate('2026-12-16'), 99))).toBe('NOT_BOOKABLE');
    expect(code(() => assertBookable(byDate('2026-12-16'), 1))).toBe('SESSION_FULL');
    expect(code(() => assertBookable(byDate('2026-12-14'), 1))).toBe('NOT_BOOKABLE');
    expect(code(() => assertBookable(byDate('2026-12-16'), 2))).toBe('ok');
  });

  it('has room exactly while bookings are below capacity', () => {
    fc.assert(fc.property(fc.nat(500), fc.nat(500), (cap, n) => hasRoom(cap, n) === n < cap));
  });
});

describe('planning days from a schedule', () => {
  it('gives each weekday its own sessions and opens a date with sessions of its own', () => {
    const friday = [{ id: 3, letter: 'C', start: '08:00', end: '11:00', capacity: 20 }];
    const own = new Map([['2026-12-19', [{ id: 4, letter: 'D', start: '09:00', end: '12:00', capacity: 10 }]]]);
    const days = planDays(
      input({
        closedDays: new Map(),
        sessionsOn: (date) => own.get(date) ?? (date === '2026-12-18' ? friday : date < '2026-12-18' ? sessions : []),
      }),
    );
    expect(days.find((d) => d.date === '2026-12-18')!.sessions.map((s) => [s.letter, s.capacity])).toEqual([['C', 20]]);
    expect(days.find((d) => d.date === '2026-12-19')!.open).toBe(true);
    expect(days.find((d) => d.date === '2026-12-20')!.closure).toEqual({ kind: 'weekend' });
  });

  it('holds the desk share back from online booking only', () => {
    const booked = new Map([[slotKey('2026-12-15', 1), 35]]);
    const online = planDays(input({ booked, deskSharePercent: 10 }))[1]!;
    const desk = planDays(input({ booked, deskSharePercent: 10, channel: 'desk' }))[1]!;
    expect(online.sessions[0]!.remaining).toBe(1);
    expect(desk.sessions[0]!.remaining).toBe(5);
  });
});

describe('planning days by the release schedule', () => {
  // 14 days ahead at 07.00 WIB, 50% then the rest at 19.00, 10% for the desk: the 28th is released on the 14th.
  const rules = { daysAhead: 14, time: '07:00', drawSeconds: 60, deskShare: 10, waves: [{ time: '07:00', percent: 50 }, { time: '19:00', percent: 50 }] };
  const at = (iso: string) => ({ rules, zone: 'Asia/Jakarta', now: new Date(iso) });
  const last = (iso: string, channel: PlanInput['channel'] = 'online') =>
    planDays(input({ dates: ['2026-12-28'], deskSharePercent: 10, channel, release: at(iso) }))[0]!;

  it('keeps a day shut online before its first wave and says when it opens; the desk is not held to it', () => {
    const before = last('2026-12-13T23:59:59Z');
    expect(before.opensAt?.toISOString()).toBe('2026-12-14T00:00:00.000Z');
    expect(before.sessions[0]).toMatchObject({ remaining: 0, bookable: false, openPlaces: 0 });
    expect(before.sessions[0]!.opensAt?.toISOString()).toBe('2026-12-14T00:00:00.000Z');
    expect(() => assertBookable(before, 1, 'Asia/Jakarta')).toThrow(expect.objectContaining({ code: 'NOT_YET_OPEN', details: { date: '2026-12-28', opensAt: '2026-12-14T00:00:00.000Z', zone: 'Asia/Jakarta' } }));
    const desk = last('2026-12-13T23:59:59Z', 'desk');
    expect(desk).toMatchObject({ opensAt: null });
    expect(desk.sessions[0]).toMatchObject({ remaining: 40, bookable: true, opensAt: null });
  });

  it("opens each wave's share of the online places, the desk's share never", () => {
    const morning = last('2026-12-14T00:00:00Z');
    expect(morning.opensAt).toBeNull();
    // 40 places, 4 for the desk, 36 online: 18 at 07.00, all 36 at 19.00.
    expect(morning.sessions[0]).toMatchObject({ openPlaces: 18, remaining: 18, bookable: true });
    expect(morning.sessions[0]!.opensAt?.toISOString()).toBe('2026-12-14T12:00:00.000Z');
    const evening = last('2026-12-14T12:00:00Z');
    expect(evening.sessions[0]).toMatchObject({ openPlaces: 36, remaining: 36, opensAt: null });
  });

  it('calls a session whose open share is taken full, not unopened', () => {
    const booked = new Map([[slotKey('2026-12-28', 1), 18]]);
    const [day] = planDays(input({ dates: ['2026-12-28'], booked, deskSharePercent: 10, release: at('2026-12-14T01:00:00Z') }));
    expect(day!.sessions[0]).toMatchObject({ remaining: 0, bookable: false, openPlaces: 18 });
    expect(() => assertBookable(day!, 1)).toThrow(expect.objectContaining({ code: 'SESSION_FULL' }));
  });
});
