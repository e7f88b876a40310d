import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** A wall-clock time in Kota Bogor (UTC+7) on a day of December 2026. */
const decemberAt = (day: number, hhmm: string) => new Date(`2026-12-${String(day).padStart(2, '0')}T${hhmm}:00+07:00`);
/** Tuesday 1 December 2026, 09:00 WIB: the days after it are bookable. */
const TUESDAY = decemberAt(1, '09:00');

interface Ticket {
  code: string;
  queueNumber: string;
  date: string;
  status: string;
  name: string;
  priority: string | null;
  phoneMasked: string | null;
  callFrom: string | null;
  service: string;
  session: { id: number; start: string };
}

describe.each(DIALECTS)("the desk's day on $name", (dialect) => {
  let rt: TestRuntime;
  let n = 6000;
  const freshNik = () => nikFor(n++);
  let sessions: number[] = [];

  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
    rt.setNow(TUESDAY);
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    sessions = avail.json().days[0].sessions.map((s: { id: number }) => s.id);
  });
  afterEach(async () => {
    await rt.close();
  });

  const as = (who: StaffLogin, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    rt.app.inject({ method, url: url.startsWith('/api') ? url : `/api/v1/offices/kota-bogor${url}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

  /** A citizen's own booking, made on Tuesday (the clock is left there). */
  async function citizenBooks(date: string, sessionIndex: number, over: { name?: string; service?: string } = {}): Promise<Ticket> {
    rt.setNow(TUESDAY);
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date, sessionId: sessions[sessionIndex], nik: freshNik(), ...over }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().booking as Ticket;
  }

  async function eventsOf(code: string) {
    return rt.storage.db
      .selectFrom('booking_events')
      .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
      .select(['booking_events.type', 'booking_events.user_id'])
      .where('bookings.code', '=', code)
      .orderBy('booking_events.id')
      .execute();
  }

  async function staffId(who: StaffLogin): Promise<number> {
    const row = await rt.storage.db.selectFrom('users').select('id').where('username', '=', who.username).executeTakeFirstOrThrow();
    return Number(row.id);
  }

  it('lets the desk cancel a booking without its NIK, records the clerk and frees the place', async () => {
    const b = await citizenBooks('2026-12-02', 0);
    const desk = await logInStaff(rt, 'desk');
    const before = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    const res = await as(desk, 'POST', `/bookings/${b.code}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().booking).toMatchObject({ code: b.code, status: 'cancelled' });
    const events = await eventsOf(b.code);
    expect(events.at(-1)).toMatchObject({ type: 'cancelled', user_id: await staffId(desk) });
    const after = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    expect(after.json().days[0].sessions[0].remaining).toBe(before.json().days[0].sessions[0].remaining + 1);
    // Once cancelled, nothing more to cancel.
    const again = await as(desk, 'POST', `/bookings/${b.code}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOT_ACTIVE');
  });

  it("refuses the desk another office's booking, and a counter clerk any", async () => {
    const b = await citizenBooks('2026-12-02', 0);
    const admin = await logInStaff(rt, 'admin');
    expect((await as(admin, 'POST', '/api/v1/offices', { slug: 'kota-depok', name: 'Disdukcapil Depok', timezone: 'Asia/Jakarta' })).statusCode).toBe(201);
    const desk = await logInStaff(rt, 'desk');
    const elsewhere = await as(desk, 'POST', `/api/v1/offices/kota-depok/bookings/${b.code}/cancel`);
    expect(elsewhere.statusCode).toBe(404);
    const counter = await logInStaff(rt, 'counter');
    expect((await as(counter, 'POST', `/bookings/${b.code}/cancel`)).statusCode).toBe(403);
    expect((await as(counter, 'POST', `/bookings/${b.code}/reschedule`, { date: '2026-12-03', sessionId: sessions[1] })).statusCode).toBe(403);
  });

  it('lets the desk move a booking to another day and session, keeping its code, with the clerk recorded', async () => {
    const b = await citizenBooks('2026-12-02', 0);
    const desk = await logInStaff(rt, 'desk');
    const res = await as(desk, 'POST', `/bookings/${b.code}/reschedule`, { date: '2026-12-04', sessionId: sessions[2] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().booking).toMatchObject({ code: b.code, date: '2026-12-04', queueNumber: 'C001', status: 'booked' });
    expect((await eventsOf(b.code)).at(-1)).toMatchObject({ type: 'rescheduled', user_id: await staffId(desk) });
    // A closed day or nonsense is refused with a reason, and the booking stays where it was.
    const weekend = await as(desk, 'POST', `/bookings/${b.code}/reschedule`, { date: '2026-12-05', sessionId: sessions[2] });
    expect(weekend.statusCode).toBe(409);
    expect(weekend.json().error.code).toBe('CLOSED');
    const bad = await as(desk, 'POST', `/bookings/${b.code}/reschedule`, { date: '4 Desember', sessionId: 'x' });
    expect(bad.statusCode).toBe(422);
    const now = await rt.app.inject({ url: `/api/v1/bookings/${b.code}` });
    expect(now.json().booking).toMatchObject({ date: '2026-12-04', queueNumber: 'C001' });
  });

  it('moves into the places held back for the desk, which online booking cannot take', async () => {
    const admin = await logInStaff(rt, 'admin');
    // 40 places, half held for the desk: online booking stops at 20.
    expect((await as(admin, 'PATCH', '/api/v1/offices/kota-bogor', { deskSharePercent: 50 })).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) await citizenBooks('2026-12-03', 1);
    const b = await citizenBooks('2026-12-02', 0);
    const own = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${b.code}/reschedule`, payload: { nik: nikFor(n - 1), date: '2026-12-03', sessionId: sessions[1] } });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('SESSION_FULL');
    const desk = await logInStaff(rt, 'desk');
    const res = await as(desk, 'POST', `/bookings/${b.code}/reschedule`, { date: '2026-12-03', sessionId: sessions[1] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().booking.queueNumber).toBe('B021');
  });

  it("tells the live list of today when a booking of today is cancelled, moved or given another service, and not for other days", async () => {
    const office = await rt.storage.db.selectFrom('offices').select('id').where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow();
    const floor: { kind?: string; queueNumber?: string }[] = [];
    const unsubscribe = rt.ctx.events.subscribe(office.id, (event) => {
      if (event.type === 'floor') floor.push(event.payload as { kind?: string; queueNumber?: string });
    });
    try {
      const cancelled = await citizenBooks('2026-12-02', 0);
      const moved = await citizenBooks('2026-12-02', 1);
      const changed = await citizenBooks('2026-12-02', 2, { service: 'KTP-BARU' });
      const tomorrow = await citizenBooks('2026-12-03', 0);
      rt.setNow(decemberAt(2, '07:00')); // Wednesday: the first three are today's
      const desk = await logInStaff(rt, 'desk');
      const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-04&days=1' });
      const friday = avail.json().days[0].sessions[0].id as number;

      // Another day's booking changing is no news for today's floor.
      expect((await as(desk, 'POST', `/bookings/${tomorrow.code}/cancel`)).statusCode).toBe(200);
      expect(floor).toEqual([]);

      expect((await as(desk, 'POST', `/bookings/${cancelled.code}/cancel`)).statusCode).toBe(200);
      expect((await as(desk, 'POST', `/bookings/${moved.code}/reschedule`, { date: '2026-12-04', sessionId: friday })).statusCode).toBe(200);
      expect((await as(desk, 'POST', `/bookings/${changed.code}/service`, { service: 'KK' })).statusCode).toBe(200);
      await expect.poll(() => floor.map((f) => f.kind)).toEqual(['ticket_changed', 'ticket_changed', 'ticket_changed']);
      expect(floor[0]!.queueNumber).toBe(cancelled.queueNumber);
      expect(floor[2]!.queueNumber).toBe(changed.queueNumber);

      // And the list itself, read again on that event, no longer expects them.
      const today = await rt.app.inject({ url: '/staff/desk/kota-bogor/today', headers: { cookie: desk.cookie } });
      expect(today.statusCode).toBe(200);
      expect(today.body).toContain(`${changed.queueNumber}<`);
      expect(today.body).not.toContain(`${cancelled.queueNumber}<`);
    } finally {
      unsubscribe();
    }
  });

  it('changes the service of a booking, keeping day and number, and audits the clerk by name', async () => {
    const b = await citizenBooks('2026-12-02', 0, { service: 'KTP-BARU' });
    const desk = await logInStaff(rt, 'desk');
    const res = await as(desk, 'POST', `/bookings/${b.code}/service`, { service: 'KK' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().booking).toMatchObject({ service: 'KK', queueNumber: b.queueNumber, date: b.date });
    const audit = await rt.storage.db.selectFrom('audit_log').selectAll().where('action', '=', 'booking.service').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: desk.username, subject: b.code });
    const unknown = await as(desk, 'POST', `/bookings/${b.code}/service`, { service: 'PASPOR' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields).toEqual({ service: expect.objectContaining({ code: 'UNKNOWN_SERVICE' }) });
  });

  it('books walk-ins and desk bookings without a phone, while a citizen still needs one', async () => {
    const desk = await logInStaff(rt, 'desk');
    const walkIn = await as(desk, 'POST', '/walk-ins', { nik: freshNik(), name: 'Mbah Karto', service: 'KTP-BARU' });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json().booking).toMatchObject({ channel: 'walk_in', phoneMasked: null });
    const empty = await as(desk, 'POST', '/bookings', { date: '2026-12-03', sessionId: sessions[0], service: 'KK', nik: freshNik(), name: 'Ibu Painem', phone: '' });
    expect(empty.statusCode, empty.body).toBe(201);
    expect(empty.json().booking).toMatchObject({ channel: 'desk', phoneMasked: null });
    const stored = await rt.storage.db.selectFrom('bookings').select('phone').where('code', '=', empty.json().booking.code).executeTakeFirstOrThrow();
    expect(stored.phone).toBe('');
    // A phone given must still be a mobile number.
    const wrong = await as(desk, 'POST', '/bookings', { date: '2026-12-03', sessionId: sessions[0], service: 'KK', nik: freshNik(), name: 'Ibu Painem', phone: '0251 123' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toEqual({ phone: expect.objectContaining({ code: 'PHONE_INVALID' }) });
    const withPhone = await as(desk, 'POST', '/bookings', { date: '2026-12-03', sessionId: sessions[0], service: 'KK', nik: freshNik(), name: 'Pak Slamet', phone: '0812 3456 7000' });
    expect(withPhone.json().booking.phoneMasked).toBe('6281******000');
    // Citizens booking for themselves give a phone, as before.
    const citizen = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { ...bookingBody({ date: '2026-12-03', sessionId: sessions[0], nik: freshNik() }), phone: '' } });
    expect(citizen.statusCode).toBe(422);
    expect(Object.keys(citizen.json().error.fields)).toEqual(['phone']);
  });

  it('lists search results today first, then upcoming, then past, finds queue numbers and says when there are more', async () => {
    const dates = { '2026-12-02': 'Dua', '2026-12-07': 'Tujuh', '2026-12-03': 'Tiga', '2026-12-04': 'Empat' };
    for (const [date, word] of Object.entries(dates)) await citizenBooks(date, 0, { name: `Dewi Lestari ${word}` });
    // Thursday: the 2nd is past, the 3rd today, the 4th and 7th upcoming.
    rt.setNow(decemberAt(3, '09:00'));
    const desk = await logInStaff(rt, 'desk');
    const byName = await as(desk, 'GET', '/bookings?q=lestari');
    expect(byName.statusCode).toBe(200);
    expect(byName.json().bookings.map((b: Ticket) => b.date)).toEqual(['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-02']);
    expect(byName.json().more).toBe(false);
    for (const q of ['A001', 'a1', 'A-01']) {
      const byNumber = await as(desk, 'GET', `/bookings?q=${encodeURIComponent(q)}`);
      expect(byNumber.json().bookings.map((b: Ticket) => [b.queueNumber, b.date])).toEqual([
        ['A001', '2026-12-03'],
        ['A001', '2026-12-04'],
        ['A001', '2026-12-07'],
        ['A001', '2026-12-02'],
      ]);
    }
    // Today's people in number order.
    await citizenBooks('2026-12-04', 1, { name: 'Dewi Sartika' });
    rt.setNow(decemberAt(3, '09:00'));
    const many = await as(desk, 'GET', '/bookings?q=dewi');
    expect(many.json().bookings.map((b: Ticket) => b.name)).toEqual(['Dewi Lestari Tiga', 'Dewi Lestari Empat', 'Dewi Sartika', 'Dewi Lestari Tujuh', 'Dewi Lestari Dua']);
  });

  it('says when more bookings match than it lists', async () => {
    for (let i = 0; i < 21; i++) await citizenBooks('2026-12-08', i % 5, { name: `Wati Susilawati ${'ABCDEFGHIJKLMNOPQRSTU'[i]}a` });
    const desk = await logInStaff(rt, 'desk');
    const res = await as(desk, 'GET', '/bookings?q=susilawati');
    expect(res.json().bookings).toHaveLength(20);
    expect(res.json().more).toBe(true);
  });

  it('never takes a scanned code as a reason: 422, and nobody is checked in', async () => {
    const early = await citizenBooks('2026-12-02', 4);
    const next = await citizenBooks('2026-12-02', 0);
    rt.setNow(decemberAt(2, '08:15'));
    const desk = await logInStaff(rt, 'desk');
    const res = await as(desk, 'POST', '/check-ins', { code: early.code, overrideReason: next.code.toLowerCase() });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({ overrideReason: expect.objectContaining({ code: 'REASON_IS_CODE' }) });
    const still = await as(desk, 'GET', `/bookings?q=${early.code}`);
    expect(still.json().bookings[0].status).toBe('booked');
    // Words are a reason, even words of nine letters.
    const words = await as(desk, 'POST', '/check-ins', { code: early.code, overrideReason: 'hamil tua' });
    expect(words.statusCode).toBe(200);
  });

  it('checks early arrivals in without a reason within the office margin and calls them from their session start', async () => {
    const admin = await logInStaff(rt, 'admin');
    const settings = await as(admin, 'GET', '/api/v1/offices/kota-bogor/settings');
    expect(settings.json().office).toMatchObject({ earlyCheckInMinutes: 60 });
    const nineOClock = await citizenBooks('2026-12-02', 1);
    const tenOClock = await citizenBooks('2026-12-02', 2);
    rt.setNow(decemberAt(2, '08:05'));
    const desk = await logInStaff(rt, 'desk');
    const counter = await logInStaff(rt, 'counter');
    const early = await as(desk, 'POST', '/check-ins', { code: nineOClock.code, priority: 'elderly' });
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json().booking).toMatchObject({ status: 'checked_in', callFrom: '09:00', priority: 'elderly' });
    // Two hours early is still too early without a reason.
    const tooEarly = await as(desk, 'POST', '/check-ins', { code: tenOClock.code });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('CHECK_IN_WINDOW');
    // Nobody of the 08.00 session waits, yet the early person is not called before 09.00.
    rt.setNow(decemberAt(2, '08:30'));
    expect((await as(counter, 'POST', '/counters/1/call-next')).statusCode).toBe(204);
    rt.setNow(decemberAt(2, '09:00'));
    const called = await as(counter, 'POST', '/counters/1/call-next');
    expect(called.statusCode).toBe(200);
    expect(called.json().ticket.code).toBe(nineOClock.code);
    // The office sets the margin; at 0 every early arrival needs a reason again.
    const boss = await logInStaff(rt, 'admin');
    const patched = await as(boss, 'PATCH', '/api/v1/offices/kota-bogor', { earlyCheckInMinutes: 0 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().office).toMatchObject({ earlyCheckInMinutes: 0 });
    rt.setNow(decemberAt(2, '09:20'));
    expect((await as(desk, 'POST', '/check-ins', { code: tenOClock.code })).statusCode).toBe(409);
    const out = await as(boss, 'PATCH', '/api/v1/offices/kota-bogor', { earlyCheckInMinutes: 1000 });
    expect(out.statusCode).toBe(422);
  });

  it('adds a priority after check-in, audited with the clerk, and the next call honours it', async () => {
    const first = await citizenBooks('2026-12-02', 0);
    const second = await citizenBooks('2026-12-02', 0);
    rt.setNow(decemberAt(2, '08:00'));
    const desk = await logInStaff(rt, 'desk');
    const counter = await logInStaff(rt, 'counter');
    expect((await as(desk, 'POST', '/check-ins', { code: first.code })).statusCode).toBe(200);
    rt.setNow(decemberAt(2, '08:01'));
    expect((await as(desk, 'POST', '/check-ins', { code: second.code })).statusCode).toBe(200);
    const marked = await as(desk, 'POST', `/bookings/${second.code}/priority`, { priority: 'disability' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().booking.priority).toBe('disability');
    const audit = await rt.storage.db.selectFrom('audit_log').selectAll().where('action', '=', 'ticket.priority').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: desk.username, subject: second.code });
    const called = await as(counter, 'POST', '/counters/1/call-next');
    expect(called.json().ticket.code).toBe(second.code);
    // Once called, the priority is history.
    const late = await as(desk, 'POST', `/bookings/${second.code}/priority`, { priority: null });
    expect(late.statusCode).toBe(409);
    const bad = await as(desk, 'POST', `/bookings/${first.code}/priority`, { priority: 'vip' });
    expect(bad.statusCode).toBe(422);
  });

  it("counts today's people by where they stand", async () => {
    const a = await citizenBooks('2026-12-02', 0);
    const b = await citizenBooks('2026-12-02', 0);
    await citizenBooks('2026-12-02', 1);
    const gone = await citizenBooks('2026-12-02', 1);
    await citizenBooks('2026-12-03', 1);
    rt.setNow(decemberAt(2, '08:00'));
    const desk = await logInStaff(rt, 'desk');
    const counter = await logInStaff(rt, 'counter');
    await as(desk, 'POST', `/bookings/${gone.code}/cancel`);
    await as(desk, 'POST', '/check-ins', { code: a.code });
    await as(desk, 'POST', '/check-ins', { code: b.code });
    await as(counter, 'POST', '/counters/1/call-next');
    const res = await as(desk, 'GET', '/today');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-12-02', counts: { expected: 1, checkedIn: 2, waiting: 1, atCounter: 1, served: 0, noShow: 0 } });
    expect(res.json().bookings).toHaveLength(3);
    const waiting = await as(desk, 'GET', '/today?group=waiting');
    expect(waiting.json().bookings.map((t: Ticket) => t.code)).toEqual([b.code]);
  });
});
