import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import type { AppContext, OfficeEvent } from '../../src/app/shared/context.js';
import { addClosure } from '../../src/app/office/commands/add-closure.js';
import { finishClosures, UNFINISHED_AFTER_MS } from '../../src/app/office/commands/finish-closures.js';
import { listAudit } from '../../src/db/repositories/audit.js';
import { ACTIVE_STATUSES } from '../../src/domain/ticket-status.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime, TUESDAY_MORNING } from '../support/test-runtime.js';

const O = '/api/v1/offices/kota-bogor';
/** Monday 14 December 2026: the last but one day of the booking window seen on Tuesday 1 December. */
const CLOSED = '2026-12-14';
/** Tuesday 15 December: the window's last day, the only one left to move to. */
const LAST = '2026-12-15';

interface ClosureAnswer {
  closure: { date: string; reason: string; kind: string; removable: boolean };
  moved: { code: string; from: { date: string; sessionId: number }; to: { date: string; sessionId: number } }[];
  cancelled: { code: string }[];
}

describe.each(DIALECTS)('closing a day on $name', (dialect) => {
  let rt: TestRuntime;
  let admin: StaffLogin;
  let sessions: number[] = [];
  let serial = 0;

  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
    admin = await logInStaff(rt, 'admin');
    const avail = await rt.app.inject({ url: `${O}/availability?from=${CLOSED}&days=1` });
    sessions = avail.json().days[0].sessions.map((s: { id: number }) => s.id);
  });
  afterEach(async () => {
    await rt.close();
  });

  const as = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    rt.app.inject({ method, url: `${O}${url}`, payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...headers } });

  /** Books `count` people into one session of a date through the booking use case, a few at a time; their codes in queue order. */
  async function fill(date: string, sessionIndex: number, count: number): Promise<string[]> {
    const booked: { code: string; queueNumber: string }[] = [];
    const one = async () => {
      const { booking } = await book(rt.ctx, { officeSlug: 'kota-bogor', date, sessionId: sessions[sessionIndex]!, serviceCode: 'KTP-BARU', nik: nikFor(serial++), name: 'Siti Rahmawati', phone: '081234567890', channel: 'online' });
      booked.push({ code: booking.code, queueNumber: booking.queue_number });
    };
    for (let i = 0; i < count; i += 8) await Promise.all(Array.from({ length: Math.min(8, count - i) }, one));
    return booked.sort((a, b) => a.queueNumber.localeCompare(b.queueNumber)).map((b) => b.code);
  }

  /** Active bookings per `date|sessionId`. */
  async function activeCounts(): Promise<Map<string, number>> {
    const rows = await rt.storage.db
      .selectFrom('bookings')
      .select(['date', 'session_id'])
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', 'in', ACTIVE_STATUSES)
      .groupBy(['date', 'session_id'])
      .execute();
    return new Map(rows.map((r) => [`${r.date}|${r.session_id}`, Number(r.n)]));
  }

  it('moves a full day in queue order into the few places left, never over a quota, and cancels the rest', { timeout: 180_000 }, async () => {
    const closedDay: string[][] = [];
    for (let s = 0; s < 5; s++) closedDay.push(await fill(CLOSED, s, 40));
    // The last day is nearly full: 3 places at 08.00, 1 at 10.00, 2 at 13.00, none at 09.00 and 11.00.
    for (const [s, booked] of [37, 40, 39, 40, 38].entries()) await fill(LAST, s, booked);

    const res = await as('POST', '/closures', { date: CLOSED, reason: 'Banjir di depan kantor' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as ClosureAnswer;
    expect(body.closure).toEqual({ date: CLOSED, reason: 'Banjir di depan kantor', kind: 'office_closure', removable: true, createdAt: expect.any(String) });

    // The queue's first six get the six places: same session first, then the nearest later one, never earlier.
    const a = closedDay[0]!;
    const to = (s: number) => ({ date: LAST, sessionId: sessions[s] });
    expect(body.moved).toEqual([
      { code: a[0], from: { date: CLOSED, sessionId: sessions[0] }, to: to(0) },
      { code: a[1], from: { date: CLOSED, sessionId: sessions[0] }, to: to(0) },
      { code: a[2], from: { date: CLOSED, sessionId: sessions[0] }, to: to(0) },
      { code: a[3], from: { date: CLOSED, sessionId: sessions[0] }, to: to(2) },
      { code: a[4], from: { date: CLOSED, sessionId: sessions[0] }, to: to(4) },
      { code: a[5], from: { date: CLOSED, sessionId: sessions[0] }, to: to(4) },
    ]);
    // Everyone else, in queue order: the rest of 08.00, then every later session, whose later sessions are full.
    expect(body.cancelled.map((c) => c.code)).toEqual([...a.slice(6), ...closedDay.slice(1).flat()]);

    const counts = await activeCounts();
    for (const s of sessions) {
      expect(counts.get(`${LAST}|${s}`)).toBe(40);
      expect(counts.get(`${CLOSED}|${s}`) ?? 0).toBe(0);
    }

    // Each change is an event on the booking that carries the reason.
    const events = await rt.storage.db.selectFrom('booking_events').select(['type', 'note']).where('type', 'in', ['moved_by_closure', 'cancelled_by_closure']).execute();
    expect(events.filter((e) => e.type === 'moved_by_closure')).toHaveLength(6);
    expect(events.filter((e) => e.type === 'cancelled_by_closure')).toHaveLength(194);
    expect(events.every((e) => JSON.parse(e.note!).reason === 'Banjir di depan kantor')).toBe(true);

    // The ticket says where it went and why; a cancelled one says why too.
    const moved = await rt.app.inject({ url: `/t/${a[3]}` });
    expect(moved.body).toContain('Jadwal Anda dipindahkan karena kantor tutup: Banjir di depan kantor');
    expect(moved.body).toContain('Selasa, 15 Desember 2026, 10.00–11.00 WIB');
    const movedEn = await rt.app.inject({ url: `/t/${a[3]}`, headers: { 'accept-language': 'en' } });
    expect(movedEn.body).toContain('Your booking was moved because the office is closed: Banjir di depan kantor');
    const cancelled = await rt.app.inject({ url: `/t/${a[6]}` });
    expect(cancelled.body).toContain('Antrean ini dibatalkan karena kantor tutup: Banjir di depan kantor');

    // Nobody can book the closed day any more; the booking page says why.
    const again = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: CLOSED, sessionId: sessions[0], nik: nikFor(serial++) }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CLOSED');
    const day = (await rt.app.inject({ url: `${O}/availability?from=${CLOSED}&days=1` })).json().days[0];
    expect(day).toMatchObject({ open: false, closedKind: 'office_closure' });
  });

  it('answers bookings of other days while it empties a closed day, one booking at a time', async () => {
    const closing = '2026-12-07';
    const codes = await fill(closing, 0, 30);
    let done = false;
    const closed = as('POST', '/closures', { date: closing, reason: 'Listrik padam' }).finally(() => (done = true));
    // One citizen after another books the window's last day until the closure is answered.
    let booked = 0;
    while (!done) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: LAST, sessionId: sessions[booked % sessions.length], nik: nikFor(serial++) }) });
      expect(res.statusCode, res.body).toBe(201);
      booked++;
    }
    const res = await closed;
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as ClosureAnswer;
    expect([...body.moved, ...body.cancelled].map((b) => b.code).sort()).toEqual([...codes].sort());
    // On SQLite, moved without a turn between bookings, the closure let two through; 31 with them.
    if (dialect.name === 'sqlite') expect(booked).toBeGreaterThanOrEqual(5);
  });

  it('moves to the next open day across a weekend, and tells live pages about both days', async () => {
    const friday = '2026-12-04';
    const codes = await fill(friday, 1, 3);
    const heard: OfficeEvent[] = [];
    const office = await rt.storage.db.selectFrom('offices').select('id').where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow();
    const stop = rt.ctx.events.subscribe(office.id, (e) => heard.push(e));
    const res = await as('POST', '/closures', { date: friday, reason: 'Gangguan jaringan SIAK' });
    stop();
    expect(res.statusCode).toBe(201);
    const body = res.json() as ClosureAnswer;
    expect(body.moved.map((m) => [m.code, m.to])).toEqual(codes.map((c) => [c, { date: '2026-12-07', sessionId: sessions[1] }]));
    expect(body.cancelled).toEqual([]);
    await expect.poll(() => heard.some((e) => e.type === 'availability' && e.payload.date === '2026-12-07')).toBe(true);
    expect(heard.some((e) => e.type === 'availability' && e.payload.date === friday)).toBe(true);
  });

  it('leaves tickets already at the office to the staff when today closes', async () => {
    // Booked on Tuesday for Wednesday; on Wednesday morning one person has checked in.
    const [waiting, home] = await fill('2026-12-02', 0, 2);
    rt.setNow(new Date('2026-12-02T00:45:00Z'));
    const desk = await logInStaff(rt, 'desk');
    const checkIn = await rt.app.inject({ method: 'POST', url: `${O}/check-ins`, payload: { code: waiting }, headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrfToken } });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    admin = await logInStaff(rt, 'admin');
    const res = await as('POST', '/closures', { date: '2026-12-02', reason: 'Listrik padam' });
    expect(res.statusCode).toBe(201);
    const body = res.json() as ClosureAnswer;
    expect(body.moved.map((m) => m.code)).toEqual([home]);
    const still = await rt.storage.db.selectFrom('bookings').select(['status', 'date']).where('code', '=', waiting!).executeTakeFirstOrThrow();
    expect(still).toEqual({ status: 'checked_in', date: '2026-12-02' });
  });

  it('lists holidays with their kind beside the office closures, and reopening moves nobody back', async () => {
    const codes = await fill('2026-12-03', 0, 2);
    expect((await as('POST', '/closures', { date: '2026-12-03', reason: 'Rapat kerja' })).statusCode).toBe(201);

    const list = await as('GET', '/closures?from=2026-12-01&to=2026-12-31');
    expect(list.statusCode).toBe(200);
    const closures = list.json().closures as { date: string; kind: string; removable: boolean; reason: string }[];
    expect(closures.find((c) => c.date === '2026-12-03')).toMatchObject({ kind: 'office_closure', removable: true, reason: 'Rapat kerja' });
    expect(closures.find((c) => c.date === '2026-12-24')).toMatchObject({ kind: 'cuti_bersama', removable: false });
    expect(closures.find((c) => c.date === '2026-12-25')).toMatchObject({ kind: 'national_holiday', removable: false });
    // By default from today, a year on.
    const byDefault = (await as('GET', '/closures')).json().closures as { date: string }[];
    expect(byDefault[0]!.date >= '2026-12-01').toBe(true);
    expect(byDefault.some((c) => c.date === '2027-08-17')).toBe(true);

    const removed = await as('DELETE', '/closures/2026-12-03');
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().closure).toMatchObject({ date: '2026-12-03', reason: 'Rapat kerja' });
    const moved = await rt.storage.db.selectFrom('bookings').select('date').where('code', 'in', codes).execute();
    expect(moved.map((b) => b.date)).toEqual(['2026-12-04', '2026-12-04']);
    const day = (await rt.app.inject({ url: `${O}/availability?from=2026-12-03&days=1` })).json().days[0];
    expect(day.open).toBe(true);
    expect(day.sessions[0].remaining).toBe(40);

    const audit = (await listAudit(rt.storage.db, {})).filter((a) => a.action.startsWith('closure.'));
    expect(audit.map((a) => [a.action, a.subject, a.username])).toEqual([
      ['closure.remove', '2026-12-03', admin.username],
      ['closure.add', '2026-12-03', admin.username],
    ]);
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({ date: '2026-12-03', reason: 'Rapat kerja', kind: 'office_closure' });
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({ date: '2026-12-03', reason: 'Rapat kerja', kind: 'office_closure' });
  });

  it('refuses bad closures with field errors in both languages, and changes nothing', async () => {
    await fill('2026-12-02', 0, 1);
    const cases: [object, number, string, string?][] = [
      [{ date: '2026-11-30', reason: 'Banjir' }, 422, 'INVALID_INPUT', 'DATE_IN_PAST'],
      [{ date: '2026-02-30', reason: 'Banjir' }, 422, 'INVALID_INPUT', 'DATE_INVALID'],
      [{ date: '2026-12-07' }, 422, 'INVALID_INPUT', 'REQUIRED'],
      [{ date: '2026-12-07', reason: '   ' }, 422, 'INVALID_INPUT', 'REQUIRED'],
      [{ date: '2026-12-07', reason: 'x'.repeat(201) }, 422, 'INVALID_INPUT', 'TOO_LONG'],
      [{ date: '2026-12-25', reason: 'Banjir' }, 409, 'ALREADY_CLOSED'],
      [{ date: '2026-12-05', reason: 'Banjir' }, 409, 'ALREADY_CLOSED'],
    ];
    for (const [payload, status, code, field] of cases) {
      const res = await as('POST', '/closures', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (field) expect(Object.values(res.json().error.fields as Record<string, { code: string }>)[0]!.code).toBe(field);
    }
    const past = await as('POST', '/closures', { date: '2026-11-30', reason: 'Banjir' }, { 'accept-language': 'en' });
    expect(past.json().error.fields.date.message).toBe('This date has passed. Choose today or a later date.');
    const pastId = await as('POST', '/closures', { date: '2026-11-30', reason: 'Banjir' });
    expect(pastId.json().error.fields.date.message).toContain('sudah lewat');

    expect((await as('POST', '/closures', { date: '2026-12-07', reason: 'Banjir' })).statusCode).toBe(201);
    const twice = await as('POST', '/closures', { date: '2026-12-07', reason: 'Banjir lagi' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_CLOSED');

    // Removing: only the office's own closures, only ones that exist, never in the past.
    expect((await as('DELETE', '/closures/2026-12-25')).json().error.code).toBe('NOT_OFFICE_CLOSURE');
    const none = await as('DELETE', '/closures/2026-12-08');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('NOT_FOUND');
    expect((await as('DELETE', '/closures/2026-11-30')).statusCode).toBe(422);
    expect((await as('DELETE', '/closures/2026-13-01')).statusCode).toBe(422);
    expect((await as('GET', '/closures?from=2026-12-10&to=2026-12-01')).json().error.fields.to.code).toBe('RANGE_INVALID');
    expect((await as('GET', '/closures?from=2026-01-01&to=2029-01-01')).json().error.fields.to.code).toBe('RANGE_TOO_LONG');

    // Only the one good closure was recorded, and audited.
    const audit = (await listAudit(rt.storage.db, {})).filter((a) => a.action.startsWith('closure.'));
    expect(audit.map((a) => a.action)).toEqual(['closure.add']);
    const booked = await rt.storage.db.selectFrom('bookings').select('date').where('status', '=', 'booked').execute();
    expect(booked.map((b) => b.date)).toEqual(['2026-12-02']);
  });

  it('keeps an admin of another office out', async () => {
    await rt.storage.db
      .insertInto('offices')
      .values({ slug: 'kota-depok', name: 'Disdukcapil Kota Depok', timezone: 'Asia/Jakarta', address: '', open_weekdays: '1,2,3,4,5', same_day_booking: 0, booking_days_ahead: 14, check_in_before_minutes: 30, check_in_after_minutes: 30, created_at: TUESDAY_MORNING.toISOString() })
      .execute();
    const depok = await logInStaff(rt, 'admin', { officeSlug: 'kota-depok' });
    const res = await rt.app.inject({ method: 'POST', url: `${O}/closures`, payload: { date: '2026-12-07', reason: 'Banjir' }, headers: { cookie: depok.cookie, 'x-csrf-token': depok.csrfToken } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OTHER_OFFICE');
    expect((await as('GET', '/closures?from=2026-12-07&to=2026-12-07')).json().closures).toEqual([]);
    // The page: their own office by default, never another.
    const own = await rt.app.inject({ url: '/staff/admin/closures', headers: { cookie: depok.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('value="kota-depok"');
    const other = await rt.app.inject({ url: '/staff/admin/closures?office=kota-bogor', headers: { cookie: depok.cookie } });
    expect(other.statusCode).toBe(403);
    const post = await rt.app.inject({
      method: 'POST',
      url: '/staff/admin/closures',
      payload: `_csrf=${depok.csrfToken}&office=kota-bogor&date=2026-12-07&reason=Banjir`,
      headers: { cookie: depok.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(403);
    expect((await listAudit(rt.storage.db, {})).filter((a) => a.action.startsWith('closure.'))).toEqual([]);
  });

  it('finishes the moves of a closure whose process died halfway, once, and never twice', async () => {
    const codes = await fill('2026-12-03', 0, 8);
    await fill('2026-12-04', 0, 35);
    // The process dies after its third move: the publisher it announces through stops answering.
    let published = 0;
    const dying: AppContext = {
      ...rt.ctx,
      events: {
        subscribe: rt.ctx.events.subscribe.bind(rt.ctx.events),
        publish: async (e) => {
          // Five sessions of the closed day, then two announcements per move.
          if (++published > 5 + 3 * 2) throw new Error('process died');
          await rt.ctx.events.publish(e);
        },
      },
    };
    await expect(addClosure(dying, { officeSlug: 'kota-bogor', date: '2026-12-03', reason: 'Banjir', admin: { userId: 1, username: 'admin' } })).rejects.toThrow('process died');
    const left = async () => (await rt.storage.db.selectFrom('bookings').select('code').where('date', '=', '2026-12-03').where('status', '=', 'booked').orderBy('queue_number').execute()).map((b) => b.code);
    expect(await left()).toEqual(codes.slice(4));

    // Posting again says it is closed; the background step leaves a fresh closure to its request.
    expect((await as('POST', '/closures', { date: '2026-12-03', reason: 'Banjir' })).json().error.code).toBe('ALREADY_CLOSED');
    expect(await finishClosures(rt.ctx)).toBe(0);
    rt.setNow(new Date(TUESDAY_MORNING.getTime() + UNFINISHED_AFTER_MS + 1000));
    // Two processes' background steps at once: each booking moves once.
    const [x, y] = await Promise.all([finishClosures(rt.ctx), finishClosures(rt.ctx)]);
    expect(x + y).toBe(4);
    expect(await left()).toEqual([]);
    expect(await finishClosures(rt.ctx)).toBe(0);

    const counts = await activeCounts();
    expect(counts.get(`2026-12-04|${sessions[0]}`)).toBe(40);
    const events = await rt.storage.db.selectFrom('booking_events').innerJoin('bookings', 'bookings.id', 'booking_events.booking_id').select(['bookings.code', 'booking_events.type']).where('booking_events.type', '=', 'moved_by_closure').execute();
    expect(events.map((e) => e.code).sort()).toEqual([...codes].sort());
  });
});
