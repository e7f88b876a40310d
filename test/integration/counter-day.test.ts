import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCounterServices } from '../../src/db/repositories/counters.js';
import { SURVEY_ELEMENTS } from '../../src/domain/satisfaction.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** Wednesday 2 December 2026 at a wall-clock time in Kota Bogor (UTC+7). */
const wednesdayAt = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+07:00`);

describe.each(DIALECTS)('a day at the counter on $name', (dialect) => {
  let rt: TestRuntime;
  let desk: StaffLogin;
  let clerk: StaffLogin;
  let other: StaffLogin;
  let admin: StaffLogin;
  let n = 7000;
  let sessions: number[] = [];

  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
    rt.setNow(wednesdayAt('07:00'));
    desk = await logInStaff(rt, 'desk');
    clerk = await logInStaff(rt, 'counter');
    other = await logInStaff(rt, 'counter');
    admin = await logInStaff(rt, 'admin');
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    sessions = avail.json().days[0].sessions.map((s: { id: number }) => s.id);
  });
  afterEach(async () => {
    await rt.close();
  });

  const as = (who: StaffLogin, method: 'GET' | 'POST', url: string, payload?: object) =>
    rt.app.inject({ method, url: `/api/v1/offices/kota-bogor${url}`, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });

  /** Books on Tuesday for Wednesday's first session and checks in at 07:45 (the clock is then left there). */
  async function arrived(service = 'KTP-BARU') {
    rt.setNow(new Date('2026-12-01T02:00:00Z'));
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId: sessions[0], nik: nikFor(n++), service }) });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json().booking as { code: string; queueNumber: string };
    rt.setNow(wednesdayAt('07:45'));
    expect((await as(desk, 'POST', '/check-ins', { code: b.code })).statusCode).toBe(200);
    return b;
  }

  async function serving(who: StaffLogin, counter: number) {
    const call = await as(who, 'POST', `/counters/${counter}/call-next`);
    expect(call.statusCode, call.body).toBe(200);
    expect((await as(who, 'POST', `/counters/${counter}/start`)).statusCode).toBe(200);
    return call.json().ticket as { code: string; queueNumber: string };
  }

  async function serviceId(code: string): Promise<number> {
    const row = await rt.storage.db.selectFrom('services').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function counterId(number: number): Promise<number> {
    const row = await rt.storage.db.selectFrom('counters').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    return Number(row.id);
  }

  describe('transfers', () => {
    it('send the person to another counter serving the new service, not back to the sending counter', async () => {
      const first = await arrived();
      await serving(clerk, 1);
      // Counter 2 is open (its clerk took it) and serves KTP-UBAH.
      expect((await as(other, 'POST', '/counters/2/claim')).statusCode).toBe(200);
      await setCounterServices(rt.storage.db, await counterId(2), [await serviceId('KTP-UBAH')]);
      const moved = await as(clerk, 'POST', '/counters/1/transfer', { service: 'KTP-UBAH' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().ticket).toMatchObject({ code: first.code, status: 'checked_in', service: 'KTP-UBAH' });
      expect((await as(clerk, 'POST', '/counters/1/call-next')).statusCode).toBe(204);
      const called = await as(other, 'POST', '/counters/2/call-next');
      expect(called.json().ticket).toMatchObject({ code: first.code, status: 'called', counter: 2 });
    });

    it('let the sending counter call the person back when no other counter is staffed for the service', async () => {
      const first = await arrived();
      await serving(clerk, 1);
      expect((await as(clerk, 'POST', '/counters/1/transfer', { service: 'KK' })).statusCode).toBe(200);
      const again = await as(clerk, 'POST', '/counters/1/call-next');
      expect(again.json().ticket).toMatchObject({ code: first.code, service: 'KK' });
    });

    it('are refused, saying so, while no other counter serves the service', async () => {
      await arrived();
      await serving(clerk, 1);
      const kk = await serviceId('KK');
      for (const c of [2, 3, 4]) await setCounterServices(rt.storage.db, await counterId(c), [kk]);
      const refused = await as(clerk, 'POST', '/counters/1/transfer', { service: 'AKTA-LAHIR' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('NO_COUNTER_FOR_SERVICE');
      expect(refused.json().error.message).toContain('Belum ada loket lain yang melayani');
      const still = await as(clerk, 'POST', '/counters/1/finish');
      expect(still.json().ticket.status).toBe('done');
    });
  });

  describe('finishing', () => {
    it('finishes and calls the next person in one press, recording the outcome with the finish', async () => {
      const first = await arrived();
      const second = await arrived();
      await serving(clerk, 1);
      const res = await as(clerk, 'POST', '/counters/1/finish-and-call-next', { outcome: 'documents_incomplete' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().finished).toMatchObject({ code: first.code, status: 'done' });
      expect(res.json().ticket).toMatchObject({ code: second.code, status: 'called', counter: 1 });
      const events = await rt.storage.db
        .selectFrom('booking_events')
        .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
        .select(['booking_events.type', 'booking_events.outcome', 'booking_events.counter_number'])
        .where('bookings.code', '=', first.code)
        .where('booking_events.type', '=', 'done')
        .execute();
      expect(events).toEqual([{ type: 'done', outcome: 'documents_incomplete', counter_number: 1 }]);
    });

    it('finishes and answers no next person when nobody waits, and refuses when nobody is being served', async () => {
      await arrived();
      await serving(clerk, 1);
      const res = await as(clerk, 'POST', '/counters/1/finish-and-call-next');
      expect(res.statusCode).toBe(200);
      expect(res.json().ticket).toBeNull();
      const nothing = await as(clerk, 'POST', '/counters/1/finish-and-call-next');
      expect(nothing.statusCode).toBe(409);
      expect(nothing.json().error.code).toBe('NO_CURRENT_TICKET');
    });

    it('lets two presses at once finish once and call one person', async () => {
      await arrived();
      await arrived();
      await arrived();
      await serving(clerk, 1);
      const [a, b] = await Promise.all([as(clerk, 'POST', '/counters/1/finish-and-call-next'), as(clerk, 'POST', '/counters/1/finish-and-call-next')]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const held = await rt.storage.db.selectFrom('bookings').select('code').where('status', 'in', ['called', 'serving']).execute();
      expect(held).toHaveLength(1);
    });

    it('refuses an unknown outcome with its code', async () => {
      await arrived();
      await serving(clerk, 1);
      const res = await as(clerk, 'POST', '/counters/1/finish', { outcome: 'lost' });
      expect(res.statusCode).toBe(422);
      expect(JSON.stringify(res.json().error)).toContain('OUTCOME_INVALID');
    });

    it('counts finishes per outcome in the report', async () => {
      for (const outcome of ['served', 'referred', 'referred', undefined]) {
        await arrived();
        await serving(clerk, 1);
        expect((await as(clerk, 'POST', '/counters/1/finish', outcome ? { outcome } : undefined)).statusCode).toBe(200);
      }
      const report = await as(admin, 'GET', '/reports/summary?from=2026-12-02&to=2026-12-02');
      expect(report.json().finishOutcomes).toEqual({ served: 2, documentsIncomplete: 0, referred: 2, unrecorded: 0 });

      // The same numbers as a CSV table and on the printable daily report.
      const csv = await as(admin, 'GET', '/reports/summary.csv?from=2026-12-02&to=2026-12-02&table=outcomes');
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toBe('\uFEFFoutcome,finished\r\nserved,2\r\ndocuments_incomplete,0\r\nreferred,2\r\nunrecorded,0\r\n');
      const daily = await rt.app.inject({ url: '/staff/admin/reports/daily?office=kota-bogor&date=2026-12-02', headers: { cookie: admin.cookie } });
      expect(daily.statusCode).toBe(200);
      const section = daily.body.slice(daily.body.indexOf('data-report-outcomes'));
      expect(section).toMatch(/Selesai dilayani<\/th><td>2</);
      expect(section).toMatch(/Dirujuk ke layanan atau instansi lain<\/th><td>2</);
      const page = await rt.app.inject({ url: '/staff/admin/reports?office=kota-bogor&from=2026-12-02&to=2026-12-02', headers: { cookie: admin.cookie } });
      expect(page.body).toContain('data-csv="outcomes"');
    });
  });

  describe('undoing a skip', () => {
    it('calls the person back to the counter within five minutes of the skip, and not after', async () => {
      const first = await arrived();
      rt.setNow(wednesdayAt('08:10'));
      await as(clerk, 'POST', '/counters/1/call-next');
      expect((await as(clerk, 'POST', '/counters/1/skip')).json().ticket.status).toBe('skipped');
      rt.setNow(wednesdayAt('08:14'));
      const undone = await as(clerk, 'POST', '/counters/1/undo-skip');
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json().ticket).toMatchObject({ code: first.code, status: 'called', counter: 1 });
      const trail = await rt.storage.db.selectFrom('booking_events').select(['type', 'from_status', 'to_status']).where('type', '=', 'skip_undone').execute();
      expect(trail).toEqual([{ type: 'skip_undone', from_status: 'skipped', to_status: 'called' }]);

      rt.setNow(wednesdayAt('08:15'));
      await as(clerk, 'POST', '/counters/1/skip');
      rt.setNow(new Date(wednesdayAt('08:20').getTime() + 1000));
      const late = await as(clerk, 'POST', '/counters/1/undo-skip');
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({ code: 'UNDO_SKIP_EXPIRED' });
      expect(late.json().error.message).toContain('08.20');
    });

    it('has nothing to undo when the desk put the person back in line already', async () => {
      const first = await arrived();
      await as(clerk, 'POST', '/counters/1/call-next');
      await as(clerk, 'POST', '/counters/1/skip');
      expect((await as(desk, 'POST', `/bookings/${first.code}/requeue`)).statusCode).toBe(200);
      const res = await as(clerk, 'POST', '/counters/1/undo-skip');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('NOTHING_TO_UNDO');
    });
  });

  describe('one clerk per counter', () => {
    it('warns a second clerk, lets them take over, and then refuses the first with the new holder\'s name', async () => {
      await arrived();
      await as(clerk, 'POST', '/counters/1/call-next');
      const blocked = await as(other, 'POST', '/counters/1/recall');
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error).toMatchObject({ code: 'COUNTER_HELD', details: { counter: 1, clerk: clerk.username } });
      const warned = await as(other, 'POST', '/counters/1/claim', {});
      expect(warned.statusCode).toBe(409);
      expect(warned.json().error.code).toBe('COUNTER_HELD');
      const taken = await as(other, 'POST', '/counters/1/claim', { takeOver: true });
      expect(taken.statusCode, taken.body).toBe(200);
      expect(taken.json()).toEqual({ counter: { number: 1, name: 'Loket 1', clerk: other.username }, tookOverFrom: clerk.username });
      const first = await as(clerk, 'POST', '/counters/1/start');
      expect(first.statusCode).toBe(409);
      expect(first.json().error).toMatchObject({ code: 'COUNTER_HELD', details: { clerk: other.username } });
      expect((await as(other, 'POST', '/counters/1/start')).statusCode).toBe(200);
    });

    it('lets only the holder pause and resume, a free counter becoming the pressing clerk\'s', async () => {
      const paused = await as(clerk, 'POST', '/counters/1/pause');
      expect(paused.statusCode, paused.body).toBe(200);
      const blocked = await as(other, 'POST', '/counters/1/resume');
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error).toMatchObject({ code: 'COUNTER_HELD', details: { counter: 1, clerk: clerk.username } });
      const row = await rt.storage.db.selectFrom('counters').select('paused').where('number', '=', 1).executeTakeFirstOrThrow();
      expect(Number(row.paused)).toBe(1);
      expect((await as(clerk, 'POST', '/counters/1/resume')).statusCode).toBe(200);
      // Pausing a free counter takes it, as calling does.
      expect((await as(other, 'POST', '/counters/2/pause')).statusCode).toBe(200);
      expect((await as(clerk, 'POST', '/counters/2/resume')).statusCode).toBe(409);
    });

    it('frees the counters a clerk holds when they log out', async () => {
      expect((await as(clerk, 'POST', '/counters/1/claim')).statusCode).toBe(200);
      expect((await as(other, 'POST', '/counters/1/claim', {})).statusCode).toBe(409);
      const out = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken } });
      expect(out.statusCode).toBe(204);
      const next = await as(other, 'POST', '/counters/1/claim', {});
      expect(next.statusCode, next.body).toBe(200);
      expect(next.json().tookOverFrom).toBeNull();
    });

    it('frees every counter on the next office day', async () => {
      const claimed = await as(clerk, 'POST', '/counters/1/claim');
      expect(claimed.statusCode, claimed.body).toBe(200);
      rt.setNow(new Date('2026-12-03T00:30:00Z'));
      // Staff sessions last a working day: the next morning's clerk logs in afresh.
      const nextMorning = await logInStaff(rt, 'counter');
      const next = await as(nextMorning, 'POST', '/counters/1/claim');
      expect(next.statusCode).toBe(200);
      expect(next.json().tookOverFrom).toBeNull();
    });
  });

  describe('the counter page without scripts', () => {
    const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
    const post = (who: StaffLogin, path: string, fields: Record<string, string> = {}) =>
      rt.app.inject({ method: 'POST', url: `/staff/counter/kota-bogor${path}`, headers: { ...FORM, cookie: who.cookie }, payload: new URLSearchParams({ _csrf: who.csrfToken, ...fields }).toString() });
    const view = (who: StaffLogin, path: string) => rt.app.inject({ url: `/staff/counter/kota-bogor${path}`, headers: { cookie: who.cookie } });

    it('finishes with the chosen outcome and calls the next person from one form', async () => {
      const first = await arrived();
      const second = await arrived();
      await serving(clerk, 1);
      const page = await view(clerk, '/1');
      expect(page.body).toContain('formaction="/staff/counter/kota-bogor/1/finish"');
      expect(page.body).toContain('value="served" checked');
      const res = await post(clerk, '/1/finish-and-call-next', { outcome: 'referred' });
      expect(res.statusCode, res.body).toBe(303);
      const after = await view(clerk, String(res.headers.location).replace('/staff/counter/kota-bogor', ''));
      expect(after.body).toContain(`${first.queueNumber} selesai; ${second.queueNumber} dipanggil.`);
      const done = await rt.storage.db.selectFrom('booking_events').select('outcome').where('type', '=', 'done').execute();
      expect(done).toEqual([{ outcome: 'referred' }]);
    });

    it('lets an admin look at a counter without taking it, saying who holds it; an action or "take" claims it', async () => {
      const free = await view(admin, '/1');
      expect(free.statusCode).toBe(200);
      expect(free.body).toContain('data-counter-unclaimed');
      expect(free.body).toContain('Ambil loket 1');
      // Looking took nothing: a clerk opening it now gets it.
      expect((await view(clerk, '/1')).body).toContain('Panggil berikutnya');
      const held = await view(admin, '/1');
      expect(held.body).toContain(`Loket 1 sedang dipakai ${clerk.username}`);
      const row = await rt.storage.db.selectFrom('counters').select('clerk_user_id').where('number', '=', 1).executeTakeFirstOrThrow();
      const clerkRow = await rt.storage.db.selectFrom('users').select('id').where('username', '=', clerk.username).executeTakeFirstOrThrow();
      expect(Number(row.clerk_user_id)).toBe(Number(clerkRow.id));
      // An explicit claim of a free counter makes it the admin's.
      expect((await post(admin, '/2/take-over')).statusCode).toBe(303);
      const mine = await view(admin, '/2');
      expect(mine.body).not.toContain('data-counter-unclaimed');
      expect((await view(other, '/2')).body).toContain(`Loket 2 sedang dipakai ${admin.username}`);
    });

    it('shows another clerk\'s counter with its holder and a take-over, and the first clerk then sees it taken', async () => {
      expect((await view(clerk, '/1')).body).toContain('Panggil berikutnya');
      const held = await view(other, '/1');
      expect(held.statusCode).toBe(200);
      expect(held.body).toContain(`Loket 1 sedang dipakai ${clerk.username}`);
      expect(held.body).toContain('Ambil alih loket 1');
      expect(held.body).not.toContain('/1/call-next');
      const refused = await post(other, '/1/call-next');
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain(`Loket 1 sedang dipegang oleh ${clerk.username} hari ini.`);
      const taken = await post(other, '/1/take-over');
      expect(taken.statusCode).toBe(303);
      expect(String(taken.headers.location)).toContain('ok=took_over');
      expect((await view(clerk, '/1')).body).toContain(`Loket 1 sedang dipakai ${other.username}`);
    });
  });

  describe('the satisfaction survey', () => {
    const answers = (score: number) => Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, score]));

    it('opens once the visit is finished, takes one answer per ticket and stores it without the booking', async () => {
      const first = await arrived();
      const surveyOpen = async () => {
        const res = await rt.app.inject({ url: `/api/v1/bookings/${first.code}` });
        expect(res.statusCode).toBe(200);
        return res.json().booking.surveyOpen as boolean;
      };
      expect(await surveyOpen()).toBe(false);
      const early = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${first.code}/survey`, payload: { answers: answers(4) } });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('SURVEY_NOT_OPEN');
      await serving(clerk, 1);
      await as(clerk, 'POST', '/counters/1/finish');
      expect(await surveyOpen()).toBe(true);
      const bad = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${first.code}/survey`, payload: { answers: { ...answers(4), cost: 5 } } });
      expect(bad.statusCode).toBe(422);
      const ok = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${first.code}/survey`, payload: { answers: { ...answers(3), cost: 4 } } });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(await surveyOpen()).toBe(false);
      const again = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${first.code}/survey`, payload: { answers: answers(1) } });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
      const rows = await rt.storage.db.selectFrom('survey_responses').selectAll().execute();
      expect(rows).toHaveLength(1);
      // Nothing in the stored answer points back at the booking: office, service, month and scores only.
      expect(Object.keys(rows[0]!).sort()).toEqual(['complaints', 'competence', 'conduct', 'cost', 'duration', 'facilities', 'id', 'month', 'office_id', 'procedure', 'product', 'requirements', 'service_id'].sort());
      expect(rows[0]!.month).toBe('2026-12');
    });

    it('reports the IKM per service and month with its quality category', async () => {
      for (const score of [4, 3]) {
        const b = await arrived();
        await serving(clerk, 1);
        await as(clerk, 'POST', '/counters/1/finish');
        expect((await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${b.code}/survey`, payload: { answers: answers(score) } })).statusCode).toBe(201);
      }
      const res = await as(admin, 'GET', '/reports/satisfaction?from=2026-12-01&to=2026-12-31');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.rows).toHaveLength(1);
      expect(body.rows[0]).toMatchObject({ month: '2026-12', service: { code: 'KTP-BARU' }, responses: 2, ikm: 87.5, quality: 'B' });
      expect(body.rows[0].elements.requirements).toBe(3.5);
      expect(body.overall).toMatchObject({ responses: 2, ikm: 87.5, quality: 'B' });
      const none = await as(admin, 'GET', '/reports/satisfaction?from=2026-11-01&to=2026-11-30');
      expect(none.json()).toMatchObject({ rows: [], overall: { responses: 0, ikm: null, quality: null } });
      expect((await as(desk, 'GET', '/reports/satisfaction?from=2026-12-01&to=2026-12-31')).statusCode).toBe(403);
      // The reports page shows the same index beside the finish outcomes.
      const page = await rt.app.inject({ url: '/staff/admin/reports?office=kota-bogor&from=2026-12-01&to=2026-12-31', headers: { cookie: admin.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Survei Kepuasan Masyarakat (IKM)');
      expect(page.body).toMatch(/<td>Desember 2026<\/td><th scope="row">Perekaman KTP-el baru<\/th><td>2<\/td>/);
      expect(page.body).toContain('<strong>87,50</strong></td><td>B</td>');
      expect(page.body).toContain('Hasil layanan saat selesai');
      expect((await as(admin, 'GET', '/reports/satisfaction?from=2026-12-31&to=2026-12-01')).statusCode).toBe(422);
    });
  });
});
