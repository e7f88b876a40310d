import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTwinRuntimes, type TwinRuntimes } from '../support/twin-runtimes.js';

/** Wednesday 2 December 2026 at a wall-clock time in Kota Bogor (UTC+7). */
const wednesdayAt = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+07:00`);
const TUESDAY = new Date('2026-12-01T02:00:00Z');

describe.each(DIALECTS)('status changes racing each other on $name', (dialect) => {
  let twins: TwinRuntimes;
  let a: Runtime;
  let b: Runtime;
  let sessions: number[] = [];
  let n = 7000;

  beforeAll(async () => {
    twins = await startTwinRuntimes(dialect);
    a = twins.runtimes[0]!;
    b = twins.runtimes[twins.runtimes.length - 1]!;
    const avail = await a.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=2' });
    sessions = avail.json().days[0].sessions.map((s: { id: number }) => s.id);
  });
  afterAll(async () => {
    await twins?.close();
  });

  const as = (rt: Runtime, who: StaffLogin, method: 'GET' | 'POST', url: string, payload?: object) =>
    rt.app.inject({ method, url, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

  /** Books on Tuesday for Wednesday through the citizen API. */
  async function bookForWednesday(sessionIndex: number) {
    twins.setNow(TUESDAY);
    const nik = nikFor(n++);
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId: sessions[sessionIndex], nik }) });
    expect(res.statusCode).toBe(201);
    return { ...(res.json().booking as { code: string; queueNumber: string }), nik };
  }

  const bookingRow = (code: string) => a.storage.db.selectFrom('bookings').select(['status', 'date', 'counter_number']).where('code', '=', code).executeTakeFirstOrThrow();

  it('never gives one counter two tickets when call-next is pressed twice at once', { timeout: 60_000 }, async () => {
    const ROUNDS = 5;
    const people = [];
    for (let i = 0; i < ROUNDS * 2; i++) people.push(await bookForWednesday(1));
    twins.setNow(wednesdayAt('07:00'));
    const desk = await logInStaff(a, 'desk');
    const counter = await logInStaff(a, 'counter');
    twins.setNow(wednesdayAt('08:45'));
    for (const p of people) expect((await as(a, desk, 'POST', '/api/v1/offices/kota-bogor/check-ins', { code: p.code })).statusCode).toBe(200);

    for (let round = 0; round < ROUNDS; round++) {
      const calls = await Promise.all([a, b].map((rt) => as(rt, counter, 'POST', '/api/v1/offices/kota-bogor/counters/1/call-next')));
      expect(calls.map((c) => c.statusCode).sort()).toEqual([200, 409]);
      expect(calls.find((c) => c.statusCode === 409)!.json().error.code).toBe('COUNTER_BUSY');
      const held = await a.storage.db
        .selectFrom('bookings')
        .select('id')
        .where('date', '=', '2026-12-02')
        .where('counter_number', '=', 1)
        .where('status', 'in', ['called', 'serving'])
        .execute();
      expect(held).toHaveLength(1);
      expect((await as(a, counter, 'POST', '/api/v1/offices/kota-bogor/counters/1/start')).statusCode).toBe(200);
      expect((await as(b, counter, 'POST', '/api/v1/offices/kota-bogor/counters/1/finish')).statusCode).toBe(200);
    }
  });

  it('lets a check-in and a reschedule racing on one booking never both win', { timeout: 60_000 }, async () => {
    const ROUNDS = 20;
    const people = [];
    for (let i = 0; i < ROUNDS; i++) people.push(await bookForWednesday(0));
    twins.setNow(wednesdayAt('07:00'));
    const desk = await logInStaff(a, 'desk');
    twins.setNow(wednesdayAt('07:45'));
    for (const p of people) {
      const [checkIn, moved] = await Promise.all([
        as(a, desk, 'POST', '/api/v1/offices/kota-bogor/check-ins', { code: p.code }),
        b.app.inject({ method: 'POST', url: `/api/v1/bookings/${p.code}/reschedule`, payload: { nik: p.nik, date: '2026-12-03', sessionId: sessions[0] } }),
      ]);
      expect([checkIn.statusCode, moved.statusCode].filter((s) => s === 200)).toHaveLength(1);
      const row = await bookingRow(p.code);
      if (checkIn.statusCode === 200) {
        expect(moved.json().error.code).toBe('NOT_ACTIVE');
        expect(row).toMatchObject({ status: 'checked_in', date: '2026-12-02' });
      } else {
        expect(row).toMatchObject({ status: 'booked', date: '2026-12-03' });
      }
    }
  });

  it('never moves a booking that a racing cancel has cancelled', { timeout: 60_000 }, async () => {
    const ROUNDS = 10;
    const people = [];
    for (let i = 0; i < ROUNDS; i++) people.push(await bookForWednesday(2));
    twins.setNow(TUESDAY);
    for (const p of people) {
      const [cancel, moved] = await Promise.all([
        a.app.inject({ method: 'POST', url: `/api/v1/bookings/${p.code}/cancel`, payload: { nik: p.nik } }),
        b.app.inject({ method: 'POST', url: `/api/v1/bookings/${p.code}/reschedule`, payload: { nik: p.nik, date: '2026-12-03', sessionId: sessions[2] } }),
      ]);
      expect(cancel.statusCode).toBe(200);
      if (moved.statusCode !== 200) expect(moved.json().error.code).toBe('NOT_ACTIVE');
      // A move may come before the cancel, never after it: a cancelled booking stays cancelled where it was.
      const trail = await a.storage.db
        .selectFrom('booking_events')
        .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
        .select('booking_events.type')
        .where('bookings.code', '=', p.code)
        .orderBy('booking_events.id')
        .execute();
      expect(trail.map((e) => e.type)).toEqual(moved.statusCode === 200 ? ['booked', 'rescheduled', 'cancelled'] : ['booked', 'cancelled']);
      expect(await bookingRow(p.code)).toMatchObject({ status: 'cancelled', date: moved.statusCode === 200 ? '2026-12-03' : '2026-12-02' });
    }
  });

  it('keeps one enabled admin when two admins disable each other at once', { timeout: 60_000 }, async () => {
    const ROUNDS = 5;
    twins.setNow(TUESDAY);
    for (let round = 0; round < ROUNDS; round++) {
      const first = await logInStaff(a, 'admin');
      const second = await logInStaff(a, 'admin');
      const users = (await as(a, first, 'GET', '/api/v1/users')).json().users as { username: string; role: string; disabled: boolean }[];
      for (const u of users.filter((x) => x.role === 'admin' && !x.disabled && x.username !== first.username && x.username !== second.username)) {
        expect((await as(a, first, 'POST', `/api/v1/users/${u.username}/disable`)).statusCode).toBe(200);
      }
      const results = await Promise.all([
        as(a, first, 'POST', `/api/v1/users/${second.username}/disable`),
        as(b, second, 'POST', `/api/v1/users/${first.username}/disable`),
      ]);
      const admins = await a.storage.db.selectFrom('users').select('username').where('role', '=', 'admin').where('disabled', '=', 0).execute();
      expect(admins).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      // The loser was either refused as the last admin or, its session already ended, logged out.
      for (const r of results.filter((x) => x.statusCode !== 200)) expect(['LAST_ADMIN', 'UNAUTHENTICATED']).toContain(r.json().error.code);
    }
  });
});
