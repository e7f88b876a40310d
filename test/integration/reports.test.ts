import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import { actOnCounterTicket } from '../../src/app/floor/commands/act-on-counter-ticket.js';
import { callNext } from '../../src/app/floor/commands/call-next.js';
import { cancelBooking } from '../../src/app/booking/commands/cancel-booking.js';
import { checkIn } from '../../src/app/floor/commands/check-in.js';
import { closeDaysEverywhere } from '../../src/app/floor/commands/close-day.js';
import { addUser } from '../../src/app/staff/commands/add-user.js';
import { transferTicket } from '../../src/app/floor/commands/transfer-ticket.js';
import { walkIn } from '../../src/app/floor/commands/walk-in.js';
import type { OfficeReportSchema } from '../../src/http/presenters/report.js';
import type { z } from 'zod';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor, phoneFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/*
 * A known week at Kota Bogor, built through the real use cases with the test clock, and the
 * report's every figure worked out by hand below. Times are WIB (UTC+7).
 *
 * Wednesday 2 December (all booked on Tuesday 1 December at 09:00):
 *   A1 online A KTP-BARU  in 07:45, counter 1 (K1) calls 08:00, starts 08:02, finishes 08:10   wait 900  service 600
 *   A2 online A KTP-BARU  in 07:50, counter 2 (K2) calls 08:05, starts 08:06, finishes 08:25   wait 900  service 1200
 *   W1 walk-in A KTP-BARU in 07:55, counter 1 (K1) calls 08:12, skips 08:15 → no-show at day end  wait 1020
 *   A3 online A KK        never comes → no-show at day end
 *   C1 online A KTP-BARU  cancelled on Tuesday
 *   B1 online B KTP-BARU  in 09:00, counter 1 (K1) calls 09:10, recalls 09:11, starts 09:12, finishes 09:40  wait 600  service 1800
 *   B2 desk   B KK        in 09:05, counter 2 (K2) calls 09:20, starts 09:21, transfers to KTP-UBAH 09:25,
 *                         counter 3 (K2 moves there: counter 2 leaves a person it transferred to another open counter)
 *                         calls 09:30, starts 09:31, finishes 09:45  wait 900 (to the first call)  service 900 (last call to finish)
 *   E1 online E KTP-BARU  in 12:40, counter 1 (K1) calls 13:00, starts 13:01, never finished → done at day end, no service time  wait 1200
 * Thursday 3 December:
 *   T1 online A KTP-BARU  cancelled on Tuesday
 *   T2 online A KTP-BARU  never comes → no-show at day end
 *   T3 online A KTP-BARU  in 07:40, counter 1 (K2 this time) calls 08:00, starts 08:01, finishes 08:07  wait 1200  service 420
 */

const SLUG = 'kota-bogor';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`);
const WED = '2026-12-02';
const THU = '2026-12-03';

describe.each(DIALECTS)('the office report against a known scenario on $name', (dialect) => {
  let rt: TestRuntime;
  let admin: StaffLogin;
  let report: z.infer<typeof OfficeReportSchema>;
  let nik = 31_000;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { now: at('2026-12-01', '09:00') });
    const ctx = rt.ctx;
    const desk = await addUser(ctx, { username: 'meja-skenario', password: 'kata-sandi-meja-1', role: 'desk' });
    const k1 = await addUser(ctx, { username: 'loket-ani', password: 'kata-sandi-ani-1', role: 'counter' });
    const k2 = await addUser(ctx, { username: 'loket-budi', password: 'kata-sandi-budi-1', role: 'counter' });
    const sessions = (await rt.storage.db.selectFrom('sessions').select(['id', 'letter']).orderBy('start_time').execute()).reduce<Record<string, number>>(
      (m, s) => ({ ...m, [s.letter]: Number(s.id) }),
      {},
    );
    const person = (serviceCode = 'KTP-BARU') => ({ nik: nikFor(nik++), name: 'Warga Uji', phone: '081234567890', serviceCode });
    const online = async (date: string, letter: string, serviceCode?: string) => {
      const p = person(serviceCode);
      const r = await book(ctx, { officeSlug: SLUG, date, sessionId: sessions[letter]!, channel: 'online', ...p });
      return { code: r.booking.code, nik: p.nik };
    };
    const deskActor = { userId: desk.id };
    const set = (date: string, hhmm: string) => rt.setNow(at(date, hhmm));
    const counter = (n: number, who: { id: number }) => ({ officeSlug: SLUG, counterNumber: n, actor: { userId: who.id } });
    const arrive = (code: string) => checkIn(ctx, { officeSlug: SLUG, code, actor: deskActor });

    // Tuesday: bookings, a walk-in for the next open day, a desk booking, two cancellations.
    const a1 = await online(WED, 'A');
    const a2 = await online(WED, 'A');
    await online(WED, 'A', 'KK'); // A3, who never comes
    const c1 = await online(WED, 'A');
    const b1 = await online(WED, 'B');
    const e1 = await online(WED, 'E');
    const w1 = (await walkIn(ctx, { officeSlug: SLUG, actor: deskActor, ...person() })).booking;
    expect([w1.date, Number(w1.session_id)]).toEqual([WED, sessions.A]);
    const b2 = (await book(ctx, { officeSlug: SLUG, date: WED, sessionId: sessions.B!, channel: 'desk', actorUserId: desk.id, ...person('KK') })).booking;
    const t1 = await online(THU, 'A');
    await online(THU, 'A'); // T2, who never comes
    const t3 = await online(THU, 'A');
    await cancelBooking(ctx, c1);
    await cancelBooking(ctx, t1);

    // Wednesday.
    set(WED, '07:45'); await arrive(a1.code);
    set(WED, '07:50'); await arrive(a2.code);
    set(WED, '07:55'); await arrive(w1.code);
    set(WED, '08:00'); expect((await callNext(ctx, counter(1, k1)))?.code).toBe(a1.code);
    set(WED, '08:02'); await actOnCounterTicket(ctx, { ...counter(1, k1), action: 'start' });
    set(WED, '08:05'); expect((await callNext(ctx, counter(2, k2)))?.code).toBe(a2.code);
    set(WED, '08:06'); await actOnCounterTicket(ctx, { ...counter(2, k2), action: 'start' });
    set(WED, '08:10'); await actOnCounterTicket(ctx, { ...counter(1, k1), action: 'finish' });
    set(WED, '08:12'); expect((await callNext(ctx, counter(1, k1)))?.code).toBe(w1.code);
    set(WED, '08:15'); await actOnCounterTicket(ctx, { ...counter(1, k1), action: 'skip' });
    set(WED, '08:25'); await actOnCounterTicket(ctx, { ...counter(2, k2), action: 'finish' });
    set(WED, '09:00'); await arrive(b1.code);
    set(WED, '09:05'); await arrive(b2.code);
    set(WED, '09:10'); expect((await callNext(ctx, counter(1, k1)))?.code).toBe(b1.code);
    set(WED, '09:11'); await actOnCounterTicket(ctx, { ...counter(1, k1), action: 'recall' });
    set(WED, '09:12'); await actOnCounterTicket(ctx, { ...counter(1, k1), action: 'start' });
    set(WED, '09:20'); expect((await callNext(ctx, counter(2, k2)))?.code).toBe(b2.code);
    set(WED, '09:21'); await actOnCounterTicket(ctx, { ...counter(2, k2), action: 'start' });
    set(WED, '09:25'); await transferTicket(ctx, { ...counter(2, k2), serviceCode: 'KTP-UBAH' });
    set(WED, '09:30'); expect(await callNext(ctx, counter(2, k2))).toBeNull();
    expect((await callNext(ctx, counter(3, k2)))?.code).toBe(b2.code);
    set(WED, '09:31'); await actOnCounterTicket(ctx, { ...counter(3, k2), action: 'start' });
    set(WED, '09:40'); await actOnCounterTicket(ctx, { ...counter(1, k1), action: 'finish' });
    set(WED, '09:45'); await actOnCounterTicket(ctx, { ...counter(3, k2), action: 'finish' });
    set(WED, '12:40'); await arrive(e1.code);
    set(WED, '13:00'); expect((await callNext(ctx, counter(1, k1)))?.code).toBe(e1.code);
    set(WED, '13:01'); await actOnCounterTicket(ctx, { ...counter(1, k1), action: 'start' });

    // Thursday: Wednesday is closed by the day-end rule first.
    set(THU, '07:00'); expect(await closeDaysEverywhere(ctx)).toBe(3); // A3 and W1 no-show, E1 done at day end
    set(THU, '07:40'); await arrive(t3.code);
    set(THU, '08:00'); expect((await callNext(ctx, counter(1, k2)))?.code).toBe(t3.code);
    set(THU, '08:01'); await actOnCounterTicket(ctx, { ...counter(1, k2), action: 'start' });
    set(THU, '08:07'); await actOnCounterTicket(ctx, { ...counter(1, k2), action: 'finish' });

    set('2026-12-04', '07:00'); expect(await closeDaysEverywhere(ctx)).toBe(1); // T2 no-show
    set('2026-12-04', '08:00');
    admin = await logInStaff(rt, 'admin');
    const res = await rt.app.inject({ url: `/api/v1/offices/${SLUG}/reports/summary?from=${WED}&to=${THU}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json() as typeof report;
  }, 120_000);
  afterAll(async () => {
    await rt?.close();
  });

  const csv = (query: string) => rt.app.inject({ url: `/api/v1/offices/${SLUG}/reports/summary.csv?${query}`, headers: { cookie: admin.cookie } });

  it('counts the range: booked by channel, checked in, served, no-show, cancelled, and the fill', () => {
    expect(report.totals).toEqual({
      openDays: 2,
      booked: 11,
      bookedOnline: 9,
      bookedDesk: 1,
      bookedWalkIn: 1,
      checkedIn: 7,
      served: 6,
      noShow: 3,
      cancelled: 2,
      pending: 0,
      capacity: 400,
      taken: 9,
      fill: 9 / 400,
      waitingTime: { count: 7, medianSeconds: 900, p90Seconds: 1200 },
      serviceTime: { count: 5, medianSeconds: 900, p90Seconds: 1800 },
    });
  });

  it('gives each day its own figures, with a median of an even count between the two middle values', () => {
    expect(report.days).toEqual([
      {
        date: WED, open: true, booked: 8, bookedOnline: 6, bookedDesk: 1, bookedWalkIn: 1, checkedIn: 6, served: 5, noShow: 2, cancelled: 1, pending: 0,
        capacity: 200, taken: 7, fill: 7 / 200,
        waitingTime: { count: 6, medianSeconds: 900, p90Seconds: 1200 },
        serviceTime: { count: 4, medianSeconds: 1050, p90Seconds: 1800 },
      },
      {
        date: THU, open: true, booked: 3, bookedOnline: 3, bookedDesk: 0, bookedWalkIn: 0, checkedIn: 1, served: 1, noShow: 1, cancelled: 1, pending: 0,
        capacity: 200, taken: 2, fill: 2 / 200,
        waitingTime: { count: 1, medianSeconds: 1200, p90Seconds: 1200 },
        serviceTime: { count: 1, medianSeconds: 420, p90Seconds: 420 },
      },
    ]);
  });

  it('fills each session against the places the day planner offered', () => {
    expect(report.sessions.map((s) => [s.letter, s.start, s.end, s.openDays, s.capacity, s.taken, s.fill])).toEqual([
      ['A', '08:00', '09:00', 2, 80, 6, 6 / 80],
      ['B', '09:00', '10:00', 2, 80, 2, 2 / 80],
      ['C', '10:00', '11:00', 2, 80, 0, 0],
      ['D', '11:00', '12:00', 2, 80, 0, 0],
      ['E', '13:00', '14:00', 2, 80, 1, 1 / 80],
    ]);
  });

  it('counts per service, a transferred ticket under the service it ended in', () => {
    const byCode = Object.fromEntries(report.services.map((s) => [s.code, s]));
    expect(byCode['KTP-BARU']).toMatchObject({
      booked: 9, bookedOnline: 8, bookedDesk: 0, bookedWalkIn: 1, checkedIn: 6, served: 5, noShow: 2, cancelled: 2, pending: 0,
      waitingTime: { count: 6, medianSeconds: 960, p90Seconds: 1200 },
      serviceTime: { count: 4, medianSeconds: 900, p90Seconds: 1800 },
    });
    expect(byCode.KK).toMatchObject({ booked: 1, bookedOnline: 1, checkedIn: 0, noShow: 1, waitingTime: { count: 0, medianSeconds: null, p90Seconds: null } });
    expect(byCode['KTP-UBAH']).toMatchObject({
      booked: 1, bookedDesk: 1, checkedIn: 1, served: 1,
      waitingTime: { count: 1, medianSeconds: 900, p90Seconds: 900 },
      serviceTime: { count: 1, medianSeconds: 900, p90Seconds: 900 },
    });
    expect(report.services).toHaveLength(14);
    expect(report.services.filter((s) => !['KTP-BARU', 'KK', 'KTP-UBAH'].includes(s.code)).every((s) => s.booked === 0)).toBe(true);
  });

  it('counts per counter and per clerk from the ticket events', () => {
    expect(report.counters).toEqual([
      { counter: 1, name: 'Loket 1', calls: 5, recalls: 1, skips: 1, transfers: 0, served: 3, serviceTime: { count: 3, medianSeconds: 600, p90Seconds: 1800 } },
      { counter: 2, name: 'Loket 2', calls: 2, recalls: 0, skips: 0, transfers: 1, served: 1, serviceTime: { count: 1, medianSeconds: 1200, p90Seconds: 1200 } },
      { counter: 3, name: 'Loket 3', calls: 1, recalls: 0, skips: 0, transfers: 0, served: 1, serviceTime: { count: 1, medianSeconds: 900, p90Seconds: 900 } },
      { counter: 4, name: 'Loket 4', calls: 0, recalls: 0, skips: 0, transfers: 0, served: 0, serviceTime: { count: 0, medianSeconds: null, p90Seconds: null } },
    ]);
    expect(report.clerks).toEqual([
      { username: 'loket-ani', calls: 4, recalls: 1, skips: 1, transfers: 0, served: 2, serviceTime: { count: 2, medianSeconds: 1200, p90Seconds: 1800 } },
      { username: 'loket-budi', calls: 4, recalls: 0, skips: 0, transfers: 1, served: 3, serviceTime: { count: 3, medianSeconds: 900, p90Seconds: 1200 } },
    ]);
  });

  it('finds the busiest hours on the office clock', () => {
    expect(report.hours).toEqual([
      { hour: 7, checkIns: 4, calls: 0 },
      { hour: 8, checkIns: 0, calls: 4 },
      { hour: 9, checkIns: 2, calls: 3 },
      { hour: 10, checkIns: 0, calls: 0 },
      { hour: 11, checkIns: 0, calls: 0 },
      { hour: 12, checkIns: 1, calls: 0 },
      { hour: 13, checkIns: 0, calls: 1 },
    ]);
  });

  it('gives the same figures when its days fall in different weeks of a longer range, read week by week', async () => {
    // Read a week at a time from 26 November: Wednesday closes the first week, Thursday opens the second.
    const res = await rt.app.inject({ url: `/api/v1/offices/${SLUG}/reports/summary?from=2026-11-26&to=2026-12-09`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const longer = res.json() as typeof report;
    expect(longer.days.filter((d) => d.date === WED || d.date === THU)).toEqual(report.days);
    expect(longer.days.filter((d) => d.date !== WED && d.date !== THU).every((d) => d.booked === 0)).toBe(true);
    const { openDays: _o, capacity: _c, fill: _f, ...totals } = longer.totals;
    const { openDays: _o2, capacity: _c2, fill: _f2, ...knownTotals } = report.totals;
    expect(totals).toEqual(knownTotals);
    expect(longer.services).toEqual(report.services);
    expect(longer.counters).toEqual(report.counters);
    expect(longer.clerks).toEqual(report.clerks);
    expect(longer.hours).toEqual(report.hours);
    expect(longer.finishOutcomes).toEqual(report.finishOutcomes);
  });

  it('exports the counters table as CSV, byte for byte', async () => {
    const res = await csv(`from=${WED}&to=${THU}&table=counters`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="antrean-kota-bogor-counters-${WED}_${THU}.csv"`);
    expect(res.rawPayload.equals(Buffer.from(
      '\uFEFFcounter,name,calls,recalls,skips,transfers,served,service_count,service_median_seconds,service_p90_seconds\r\n' +
        '1,Loket 1,5,1,1,0,3,3,600,1800\r\n' +
        '2,Loket 2,2,0,0,1,1,1,1200,1200\r\n' +
        '3,Loket 3,1,0,0,0,1,1,900,900\r\n' +
        '4,Loket 4,0,0,0,0,0,0,,\r\n',
      'utf8',
    ))).toBe(true);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('exports the day-by-day table by default, and every other table', async () => {
    const days = await csv(`from=${WED}&to=${THU}`);
    expect(days.body).toBe(
      '\uFEFFdate,open,booked,booked_online,booked_desk,booked_walk_in,checked_in,served,no_show,cancelled,pending,capacity,taken,fill_percent,' +
        'waiting_count,waiting_median_seconds,waiting_p90_seconds,service_count,service_median_seconds,service_p90_seconds\r\n' +
        `${WED},1,8,6,1,1,6,5,2,1,0,200,7,3.5,6,900,1200,4,1050,1800\r\n` +
        `${THU},1,3,3,0,0,1,1,1,1,0,200,2,1,1,1200,1200,1,420,420\r\n`,
    );
    for (const table of ['sessions', 'services', 'clerks', 'hours', 'totals', 'outcomes']) {
      const res = await csv(`from=${WED}&to=${THU}&table=${table}`);
      expect(res.statusCode, table).toBe(200);
      const header = res.body.slice(1).split('\r\n')[0]!;
      expect(header, table).toMatch(/^[a-z0-9_,]+$/);
    }
    expect((await csv(`from=${WED}&to=${THU}&table=hours`)).body).toBe('\uFEFFhour,check_ins,calls\r\n07:00,4,0\r\n08:00,0,4\r\n09:00,2,3\r\n10:00,0,0\r\n11:00,0,0\r\n12:00,1,0\r\n13:00,0,1\r\n');
  });

  it('refuses a reversed, too long or impossible range, and an unknown table, with field codes in either language', async () => {
    const get = (query: string, lang = 'id') =>
      rt.app.inject({ url: `/api/v1/offices/${SLUG}/reports/summary?${query}`, headers: { cookie: admin.cookie, 'accept-language': lang } });
    const reversed = await get(`from=${THU}&to=${WED}`);
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().error.fields.to).toEqual({ code: 'RANGE_INVALID', message: 'Tanggal akhir harus sama dengan atau sesudah tanggal awal.' });
    const tooLong = await get('from=2025-01-01&to=2026-01-02', 'en');
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.fields.to).toEqual({ code: 'RANGE_TOO_LONG', message: 'A date range covers at most 366 days.' });
    expect((await get('from=2025-01-01&to=2025-12-31')).statusCode).toBe(200);
    const impossible = await get('from=2026-02-30&to=2026-03-01');
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json().error.fields.from.code).toBe('DATE_INVALID');
    const missing = await get(`from=${WED}`);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields.to.code).toBe('REQUIRED');
    const table = await csv(`from=${WED}&to=${THU}&table=everything`);
    expect(table.statusCode).toBe(422);
    expect(table.json().error.fields.table.code).toBe('REPORT_TABLE_INVALID');
    const office = await rt.app.inject({ url: `/api/v1/offices/nowhere/reports/summary?from=${WED}&to=${THU}`, headers: { cookie: admin.cookie } });
    expect(office.statusCode).toBe(404);
  });

  it('renders the report page with its charts and the daily summary, for admins of the office only', async () => {
    const page = await rt.app.inject({ url: `/staff/admin/reports?office=${SLUG}&from=${WED}&to=${THU}`, headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg class="chart"');
    expect(page.body).toContain(`href="/api/v1/offices/${SLUG}/reports/summary.csv?from=${WED}&amp;to=${THU}&amp;table=counters"`);
    const daily = await rt.app.inject({ url: `/staff/admin/reports/daily?office=${SLUG}&date=${WED}`, headers: { cookie: admin.cookie } });
    expect(daily.statusCode).toBe(200);
    expect(daily.body).toContain('Ringkasan harian · Rabu, 2 Desember 2026');
    const bad = await rt.app.inject({ url: `/staff/admin/reports?from=${WED}&to=2027-12-31`, headers: { cookie: admin.cookie } });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Rentang tanggal paling panjang 366 hari.');

    const anonymous = await rt.app.inject({ url: '/staff/admin/reports' });
    expect(anonymous.statusCode).toBe(303);
    const desk = await logInStaff(rt, 'desk');
    expect((await rt.app.inject({ url: '/staff/admin/reports', headers: { cookie: desk.cookie } })).statusCode).toBe(403);
    expect((await rt.app.inject({ url: '/staff/admin/reports/daily', headers: { cookie: desk.cookie } })).statusCode).toBe(403);
    await rt.storage.db.insertInto('offices').values({
      slug: 'kota-depok', name: 'Disdukcapil Kota Depok', timezone: 'Asia/Jakarta', address: '', open_weekdays: '1,2,3,4,5',
      same_day_booking: 0, booking_days_ahead: 14, check_in_before_minutes: 30, check_in_after_minutes: 30, created_at: new Date().toISOString(),
    }).execute();
    const depokAdmin = await logInStaff(rt, 'admin', { officeSlug: 'kota-depok' });
    expect((await rt.app.inject({ url: `/staff/admin/reports?office=${SLUG}`, headers: { cookie: depokAdmin.cookie } })).statusCode).toBe(403);
    const own = await rt.app.inject({ url: '/staff/admin/reports', headers: { cookie: depokAdmin.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Disdukcapil Kota Depok');
    expect(own.body).not.toContain('Disdukcapil Kota Bogor');
  });
});

describe.each(DIALECTS)('a year\'s report on $name', (dialect) => {
  it('is read a week at a time, answering the bookings that come meanwhile', async () => {
    const rt = await startTestRuntime(dialect, { now: at('2026-12-01', '09:00') });
    try {
      const admin = await logInStaff(rt, 'admin');
      const days = (await rt.app.inject({ url: `/api/v1/offices/${SLUG}/availability?days=14` })).json().days as { date: string; open: boolean; sessions: { id: number; bookable: boolean }[] }[];
      const slots = days.flatMap((d) => d.sessions.filter((s) => s.bookable).map((s) => ({ date: d.date, sessionId: s.id })));
      let done = false;
      const reading = rt.app
        .inject({ url: `/api/v1/offices/${SLUG}/reports/summary?from=2025-12-01&to=2026-11-30`, headers: { cookie: admin.cookie } })
        .finally(() => (done = true));
      // One booking after another until the report is answered: on SQLite a read holds the
      // process's only thread, so each week's read lets the bookings waiting behind it through.
      let booked = 0;
      while (!done) {
        const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ ...slots[booked % slots.length]!, nik: nikFor(booked), phone: phoneFor(booked) }) });
        expect(res.statusCode, res.body).toBe(201);
        booked++;
      }
      const report = await reading;
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json().days).toHaveLength(365);
      // On SQLite, read in one go, one booking got through; by weeks, 52 when this was written.
      // PostgreSQL's reads never held the process (they wait on the network), and how many
      // bookings fit in depends on its round trips: there it only has to answer them all.
      if (dialect.name === 'sqlite') expect(booked).toBeGreaterThanOrEqual(10);
    } finally {
      await rt.close();
    }
  });
});
