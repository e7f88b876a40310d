import { describe, expect, it } from 'vitest';
import type { ServiceTimeSample } from '../../../domain/wait-estimate.js';
import { placeOf, serviceLines, type WaitingLine } from './read-waiting-line.js';

const KTP = 1;
const KK = 2;
const TODAY = '2026-12-02';
const wib = (hhmm: string) => new Date(`${TODAY}T${hhmm}:00+07:00`);
const tenMinutes = (n: number, serviceId = KTP): ServiceTimeSample[] => Array.from({ length: n }, () => ({ date: TODAY, serviceId, seconds: 600 }));

function line(over: Partial<WaitingLine> = {}): WaitingLine {
  return {
    officeId: 1,
    today: TODAY,
    timezone: 'Asia/Jakarta',
    now: wib('09:00'),
    opensAt: wib('08:00'),
    waiting: [1, 2, 3].map((id) => ({ id, serviceId: KTP, priority: null, sessionStart: '08:00', checkedInAt: `${TODAY}T01:0${id}:00Z` })),
    counters: [{ paused: false, serviceIds: [] }],
    samples: tenMinutes(5),
    ...over,
  };
}
const ticket = (id: number, over: Partial<{ date: string; session_start: string; service_id: number; call_from: string | null }> = {}) => ({ id, service_id: KTP, date: TODAY, session_start: '08:00', call_from: null, ...over });

describe('a ticket\'s place in the office\'s line', () => {
  it('gives the place, the estimate and its range rounded outward, in the office\'s clock', () => {
    const place = placeOf(line(), ticket(3));
    expect(place).toMatchObject({ position: 3, ahead: 2, basis: 'today-service' });
    expect(place?.estimate?.at).toEqual(wib('09:25'));
    expect(place?.range).toEqual({ from: wib('09:20'), to: wib('09:30') });
  });

  it('never estimates an early arrival\'s call before its call-from time (its session\'s start)', () => {
    // Third in line, about 09.25 by the line alone; checked in early for the 10.00 session without a reason.
    const place = placeOf(line(), ticket(3, { session_start: '10:00', call_from: '10:00' }));
    expect(place?.estimate?.earliest).toEqual(wib('10:00'));
    expect(place?.estimate?.at).toEqual(wib('10:00'));
    expect(place?.range?.from).toEqual(wib('10:00'));
  });

  it('estimates a ticket of a later session that may be called now (no call-from) from the line alone', () => {
    const place = placeOf(line(), ticket(3, { session_start: '10:00', call_from: null }));
    expect(place?.estimate?.at).toEqual(wib('09:25'));
  });

  it('has no place for a ticket of another day or one not waiting', () => {
    expect(placeOf(line(), ticket(3, { date: '2026-12-03' }))).toBeNull();
    expect(placeOf(line(), ticket(9))).toBeNull();
  });

  it('gives a place without an estimate when nothing was measured', () => {
    expect(placeOf(line({ samples: [] }), ticket(1))).toEqual({ position: 1, ahead: 0, estimate: null, range: null, basis: null });
  });
});

describe('the board\'s lines', () => {
  it('lists the services with people waiting, in the order given, with what the last one waits', () => {
    const waiting = [...line().waiting, { id: 4, serviceId: KK, priority: null, sessionStart: '08:00', checkedInAt: `${TODAY}T01:09:00Z` }];
    // KTP: 2 ahead of the last, 25 ± 5 minutes. KK: measured on the office's visits, 5 ± 5.
    expect(serviceLines(line({ waiting }), [KK, 7, KTP])).toEqual([
      { serviceId: KK, waiting: 1, typicalWait: { fromMinutes: 0, toMinutes: 10 } },
      { serviceId: KTP, waiting: 3, typicalWait: { fromMinutes: 20, toMinutes: 30 } },
    ]);
  });

  it('adds the time until calling begins, before the first session', () => {
    expect(serviceLines(line({ now: wib('07:30') }), [KTP])[0]?.typicalWait).toEqual({ fromMinutes: 50, toMinutes: 60 });
  });

  it('says nothing of the wait for a service no counter calls', () => {
    expect(serviceLines(line({ counters: [{ paused: false, serviceIds: [KK] }] }), [KTP])[0]?.typicalWait).toBeNull();
  });
});
