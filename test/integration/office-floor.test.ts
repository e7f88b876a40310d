import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDaysEverywhere } from '../../src/app/floor/commands/close-day.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** Wednesday 2 December 2026 at a wall-clock time in Kota Bogor (UTC+7). */
const wednesdayAt = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+07:00`);

describe.each(DIALECTS)('the office floor on $name', (dialect) => {
  let rt: TestRuntime;
  let desk: StaffLogin;
  let counter: StaffLogin;
  let n = 5000;
  const freshNik = () => nikFor(n++);
  let sessions: number[] = [];

  // Each test has its own database: queues, counters and staff sessions from another test never
  // decide what this one sees, whatever order the tests run in.
  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
    // Staff sessions last a working day: log in on the Wednesday most of these tests happen on.
    rt.setNow(wednesdayAt('07:00'));
    desk = await logInStaff(rt, 'desk');
    counter = await logInStaff(rt, 'counter');
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    sessions = avail.json().days[0].sessions.map((s: { id: number }) => s.id);
  });
  afterEach(async () => {
    await rt.close();
  });

  const as = (who: StaffLogin, method: 'GET' | 'POST', url: string, payload?: object) =>
    rt.app.inject({ method, url: `/api/v1/offices/kota-bogor${url}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

  /** Books on Tuesday for Wednesday through the citizen API. */
  async function bookForWednesday(sessionIndex: number, service = 'KTP-BARU') {
    rt.setNow(new Date('2026-12-01T02:00:00Z'));
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: bookingBody({ date: '2026-12-02', sessionId: sessions[sessionIndex], nik: freshNik(), service }),
    });
    expect(res.statusCode).toBe(201);
    return res.json().booking as { code: string; queueNumber: string };
  }

  it('checks a booking in on its day within the window around its session', async () => {
    const b = await bookForWednesday(0);
    rt.setNow(wednesdayAt('07:45'));
    const res = await as(desk, 'POST', '/check-ins', { code: b.code.toLowerCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json().booking).toMatchObject({ code: b.code, status: 'checked_in' });
    const again = await as(desk, 'POST', '/check-ins', { code: b.code });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a check-in on another day, even with a reason', async () => {
    const b = await bookForWednesday(1);
    rt.setNow(new Date('2026-12-01T03:00:00Z'));
    const res = await as(desk, 'POST', '/check-ins', { code: b.code, overrideReason: 'datang lebih awal' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WRONG_DAY');
    expect(res.json().error.message).toContain('Rabu, 2 Desember 2026');
  });

  it('explains the window and lets the desk override it with a stated reason', async () => {
    const b = await bookForWednesday(4);
    rt.setNow(wednesdayAt('08:10'));
    const early = await as(desk, 'POST', '/check-ins', { code: b.code });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'CHECK_IN_WINDOW', details: { timing: 'early', opensAt: '12:00', closesAt: '14:30' } });
    const forced = await as(desk, 'POST', '/check-ins', { code: b.code, overrideReason: 'Lansia, datang pagi' });
    expect(forced.statusCode).toBe(200);
    const events = await rt.storage.db.selectFrom('booking_events').innerJoin('bookings', 'bookings.id', 'booking_events.booking_id').select(['booking_events.note', 'booking_events.user_id']).where('bookings.code', '=', b.code).where('booking_events.type', '=', 'checked_in').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.note).toContain('Lansia, datang pagi');
    expect(events[0]!.user_id).not.toBeNull();
  });

  it('books a walk-in into the next open day, never today', async () => {
    rt.setNow(wednesdayAt('09:00'));
    const res = await as(desk, 'POST', '/walk-ins', { nik: freshNik(), name: 'Bu Ratna', phone: '0813 1111 3333', service: 'KIA' });
    expect(res.statusCode).toBe(201);
    expect(res.json().booking).toMatchObject({ date: '2026-12-03', session: { start: '08:00' }, status: 'booked', channel: 'walk_in' });
  });

  it('lets the desk book any open session for someone without a phone of their own', async () => {
    rt.setNow(new Date('2026-12-01T02:00:00Z'));
    const res = await as(desk, 'POST', '/bookings', { date: '2026-12-03', sessionId: sessions[2], service: 'IKD', nik: freshNik(), name: 'Ibu Sumarni', phone: '081234567891' });
    expect(res.statusCode).toBe(201);
    expect(res.json().booking).toMatchObject({ channel: 'desk', date: '2026-12-03', queueNumber: 'C001' });
    const closed = await as(desk, 'POST', '/bookings', { date: '2026-12-05', sessionId: sessions[2], service: 'IKD', nik: freshNik(), name: 'Ibu Sumarni', phone: '081234567891' });
    expect(closed.json().error.code).toBe('CLOSED');
  });

  it('finds bookings by code, NIK or name', async () => {
    rt.setNow(new Date('2026-12-01T02:00:00Z'));
    const nik = freshNik();
    const made = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-08', sessionId: sessions[0], nik, name: 'Yohanes Wibisono' }) });
    const code = made.json().booking.code as string;
    for (const q of [code, nik, 'wibisono']) {
      const res = await as(desk, 'GET', `/bookings?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().bookings.map((b: { code: string }) => b.code)).toContain(code);
    }
    expect(rt.logLines.join('')).not.toContain(nik);
  });

  it('calls priority first, then the earlier session, then arrival; 204 when nobody waits', async () => {
    const plainLate = await bookForWednesday(1);
    const plainEarly = await bookForWednesday(0);
    const elderly = await bookForWednesday(1);
    rt.setNow(wednesdayAt('08:30'));
    expect((await as(desk, 'POST', '/check-ins', { code: plainLate.code })).statusCode).toBe(200);
    rt.setNow(wednesdayAt('08:31'));
    expect((await as(desk, 'POST', '/check-ins', { code: plainEarly.code })).statusCode).toBe(200);
    rt.setNow(wednesdayAt('08:32'));
    expect((await as(desk, 'POST', '/check-ins', { code: elderly.code, priority: 'elderly' })).statusCode).toBe(200);

    rt.setNow(wednesdayAt('08:40'));
    const called: string[] = [];
    for (;;) {
      const res = await as(counter, 'POST', '/counters/1/call-next');
      if (res.statusCode === 204) break;
      expect(res.statusCode).toBe(200);
      called.push(res.json().ticket.queueNumber);
      expect((await as(counter, 'POST', '/counters/1/start')).statusCode).toBe(200);
      expect((await as(counter, 'POST', '/counters/1/finish')).json().ticket.status).toBe('done');
    }
    expect(called).toEqual([elderly.queueNumber, plainEarly.queueNumber, plainLate.queueNumber]);
  });

  it('recalls, skips, puts a skipped ticket back once, and refuses a second time', async () => {
    const b = await bookForWednesday(2);
    rt.setNow(wednesdayAt('09:45'));
    await as(desk, 'POST', '/check-ins', { code: b.code });
    expect((await as(counter, 'POST', '/counters/2/call-next')).json().ticket.queueNumber).toBe(b.queueNumber);
    const busy = await as(counter, 'POST', '/counters/2/call-next');
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('COUNTER_BUSY');
    expect((await as(counter, 'POST', '/counters/2/recall')).json().ticket.status).toBe('called');
    expect((await as(counter, 'POST', '/counters/2/skip')).json().ticket.status).toBe('skipped');
    expect((await as(counter, 'POST', '/counters/2/recall')).json().error.code).toBe('NO_CURRENT_TICKET');

    expect((await as(desk, 'POST', `/bookings/${b.code}/requeue`)).json().booking.status).toBe('checked_in');
    expect((await as(counter, 'POST', '/counters/2/call-next')).json().ticket.queueNumber).toBe(b.queueNumber);
    await as(counter, 'POST', '/counters/2/skip');
    const second = await as(desk, 'POST', `/bookings/${b.code}/requeue`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('REQUEUE_LIMIT');

    const events = await rt.storage.db
      .selectFrom('booking_events')
      .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
      .select(['booking_events.type', 'booking_events.counter_number', 'booking_events.user_id'])
      .where('bookings.code', '=', b.code)
      .orderBy('booking_events.id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['booked', 'checked_in', 'called', 'recalled', 'skipped', 'requeued', 'called', 'skipped']);
    expect(events.filter((e) => e.type === 'called').every((e) => Number(e.counter_number) === 2 && e.user_id !== null)).toBe(true);
  });

  it('transfers a ticket to another service keeping its place in line', async () => {
    const first = await bookForWednesday(3, 'KK');
    const second = await bookForWednesday(3, 'KTP-UBAH');
    rt.setNow(wednesdayAt('10:40'));
    await as(desk, 'POST', '/check-ins', { code: first.code });
    rt.setNow(wednesdayAt('10:41'));
    await as(desk, 'POST', '/check-ins', { code: second.code });
    expect((await as(counter, 'POST', '/counters/3/call-next')).json().ticket.queueNumber).toBe(first.queueNumber);
    await as(counter, 'POST', '/counters/3/start');
    const moved = await as(counter, 'POST', '/counters/3/transfer', { service: 'KTP-UBAH' });
    expect(moved.json().ticket).toMatchObject({ status: 'checked_in', service: 'KTP-UBAH' });
    // Arrived first, so called first again.
    expect((await as(counter, 'POST', '/counters/4/call-next')).json().ticket.queueNumber).toBe(first.queueNumber);
    await as(counter, 'POST', '/counters/4/start');
    await as(counter, 'POST', '/counters/4/finish');
  });

  it('calls nobody at a paused counter until it resumes', async () => {
    rt.setNow(wednesdayAt('10:45'));
    expect((await as(counter, 'POST', '/counters/3/pause')).json().counter.paused).toBe(true);
    const res = await as(counter, 'POST', '/counters/3/call-next');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COUNTER_PAUSED');
    expect((await as(counter, 'POST', '/counters/3/resume')).json().counter.paused).toBe(false);
    expect((await as(counter, 'POST', '/counters/99/call-next')).statusCode).toBe(404);
  });

  it('shows the board numbers and counters, never names', async () => {
    const b = await bookForWednesday(3);
    rt.setNow(wednesdayAt('10:45'));
    expect((await as(desk, 'POST', '/check-ins', { code: b.code })).statusCode).toBe(200);
    expect((await as(counter, 'POST', '/counters/1/call-next')).json().ticket.queueNumber).toBe(b.queueNumber);
    rt.setNow(wednesdayAt('10:50'));
    const res = await as(counter, 'GET', '/display/state');
    expect(res.statusCode).toBe(200);
    const state = res.json();
    expect(state).toMatchObject({ date: '2026-12-02', currentSession: { letter: 'C', start: '10:00' } });
    expect(state.lastCalls[0]).toMatchObject({ queueNumber: b.queueNumber, counter: 1 });
    expect(state.counters).toHaveLength(4);
    expect(JSON.stringify(state)).not.toMatch(/Siti|Rahmawati|nik/i);
  });

  it('marks bookings never checked in as no-shows once the day is over', async () => {
    const missed = await bookForWednesday(4);
    rt.setNow(wednesdayAt('15:30'));
    const closed = await closeDaysEverywhere(rt.ctx);
    expect(closed).toBeGreaterThan(0);
    const res = await rt.app.inject({ url: `/api/v1/bookings/${missed.code}` });
    expect(res.json().booking.status).toBe('no_show');
    expect(await closeDaysEverywhere(rt.ctx)).toBe(0);
  });
  it('sends a Friday walk-in to Monday, past the weekend', async () => {
    rt.setNow(new Date('2026-12-04T03:00:00Z')); // Friday 10:00 WIB
    // Wednesday's staff session has ended by Friday.
    const fridayDesk = await logInStaff(rt, 'desk');
    const res = await as(fridayDesk, 'POST', '/walk-ins', { nik: freshNik(), name: 'Pak Darto', phone: '0813 1111 2222', service: 'KK' });
    expect(res.statusCode).toBe(201);
    expect(res.json().booking).toMatchObject({ date: '2026-12-07', session: { start: '08:00' }, status: 'booked', channel: 'walk_in' });
    const bad = await as(fridayDesk, 'POST', '/walk-ins', { nik: '123', name: '', phone: 'x', service: 'KK' });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['name', 'nik', 'phone']);
  });
});
