import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime, TUESDAY_MORNING } from '../support/test-runtime.js';

type Session = { id: number; start: string; end: string; capacity: number; remaining: number; bookable: boolean };
type Day = { date: string; open: boolean; sessions: Session[] };

const FIVE = [
  { start: '08:00', end: '09:00', capacity: 40 },
  { start: '09:00', end: '10:00', capacity: 40 },
  { start: '10:00', end: '11:00', capacity: 40 },
  { start: '11:00', end: '12:00', capacity: 40 },
  { start: '13:00', end: '14:00', capacity: 40 },
];

describe.each(DIALECTS)('office administration API on $name', (dialect) => {
  let rt: TestRuntime;
  let admin: StaffLogin;
  let n = 5000;
  const freshNik = () => nikFor(n++);

  // One runtime for the file; each test logs in afresh and opens the offices it changes, so
  // none depends on what another did, in whatever order they run.
  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
  });
  beforeEach(async () => {
    rt.setNow(TUESDAY_MORNING);
    admin = await logInStaff(rt, 'admin');
  });
  afterAll(async () => {
    await rt.close();
  });

  const as = (login: StaffLogin | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, lang?: string) =>
    rt.app.inject({
      method,
      url,
      payload,
      headers: { ...(login ? { cookie: login.cookie, 'x-csrf-token': login.csrfToken } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    });
  const days = async (slug: string, from: string, count: number, login: StaffLogin | null = null): Promise<Day[]> =>
    (await as(login, 'GET', `/api/v1/offices/${slug}/availability?from=${from}&days=${count}`)).json().days;
  const bookIn = (office: string, date: string, sessionId: number) =>
    as(null, 'POST', '/api/v1/bookings', { ...bookingBody({ office, date, sessionId, nik: freshNik() }) });
  let officeSerial = 0;
  /** A new office of this test's own, seeded like any new office: five sessions of 40 on weekdays. */
  const openOffice = async (timezone = 'Asia/Makassar'): Promise<string> => {
    const slug = `kantor-uji-${officeSerial++}`;
    const res = await as(admin, 'POST', '/api/v1/offices', { slug, name: `Kantor Uji ${officeSerial}`, address: 'Jl. Uji', timezone });
    expect(res.statusCode, res.body).toBe(201);
    return slug;
  };

  it('opens an office in WITA with the seed defaults, bookable at once and listed', async () => {
    const res = await as(admin, 'POST', '/api/v1/offices', { slug: 'kota-makassar', name: 'Disdukcapil Kota Makassar', address: 'Jl. Ahmad Yani', timezone: 'Asia/Makassar' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().office).toMatchObject({ slug: 'kota-makassar', timezone: 'Asia/Makassar', zoneLabel: 'WITA', bookingDaysAhead: 14, deskSharePercent: 0 });
    const list = (await as(null, 'GET', '/api/v1/offices')).json().offices as { slug: string }[];
    expect(list.map((o) => o.slug)).toEqual(expect.arrayContaining(['kota-bogor', 'kota-makassar']));
    const week = await days('kota-makassar', '2026-12-02', 4);
    expect(week[0]!.sessions.map((s) => `${s.start}-${s.end}:${s.capacity}`)).toEqual(FIVE.map((s) => `${s.start}-${s.end}:40`));
    expect(week[3]).toMatchObject({ date: '2026-12-05', open: false });
    expect((await as(null, 'GET', '/api/v1/offices/kota-makassar/services')).json().services.length).toBeGreaterThan(5);
    const home = await as(null, 'GET', '/');
    expect(home.body).toContain('Disdukcapil Kota Makassar');
  });

  it('refuses a slug that clashes or is not URL-safe and a zone that is not real, creating nothing', async () => {
    const clash = await as(admin, 'POST', '/api/v1/offices', { slug: 'kota-bogor', name: 'Lagi', timezone: 'Asia/Jakarta' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('SLUG_TAKEN');
    const bad = await as(admin, 'POST', '/api/v1/offices', { slug: 'Kota Bogor!', name: 'X', timezone: 'Asia/Atlantis' }, 'en');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toMatchObject({ slug: { code: 'SLUG_INVALID' }, timezone: { code: 'TIMEZONE_INVALID' } });
    expect(bad.json().error.fields.slug.message).toMatch(/short address/);
    const foreign = await as(admin, 'POST', '/api/v1/offices', { slug: 'paris', name: 'X', timezone: 'Europe/Paris' });
    expect(foreign.json().error.fields.timezone.code).toBe('TIMEZONE_NOT_SERVED');
    const list = (await as(null, 'GET', '/api/v1/offices')).json().offices as { slug: string }[];
    expect(list.map((o) => o.slug)).not.toContain('paris');
  });

  it('changes name, zone and booking rules, and refuses a bad one without changing anything', async () => {
    const office = await openOffice();
    const ok = await as(admin, 'PATCH', `/api/v1/offices/${office}`, { name: 'Disdukcapil Makassar', bookingDaysAhead: 21, checkInBeforeMinutes: 45 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().office).toMatchObject({ name: 'Disdukcapil Makassar', bookingDaysAhead: 21, checkInBeforeMinutes: 45 });
    const bad = await as(admin, 'PATCH', `/api/v1/offices/${office}`, { name: 'Nama baru', bookingDaysAhead: 0, deskSharePercent: 101, timezone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['bookingDaysAhead', 'deskSharePercent', 'timezone']);
    const now = (await as(admin, 'GET', `/api/v1/offices/${office}/settings`)).json().office;
    expect(now).toMatchObject({ name: 'Disdukcapil Makassar', bookingDaysAhead: 21, deskSharePercent: 0, timezone: 'Asia/Makassar' });
    const later = await days(office, '2026-12-22', 1);
    expect(later[0]!.sessions.some((s) => s.bookable)).toBe(true);
  });

  it('keeps per-weekday sessions: a shorter Friday, a Saturday, a closed Monday', async () => {
    const office = await openOffice();
    const week = {
      weekdays: [
        { weekday: 2, sessions: FIVE },
        { weekday: 3, sessions: FIVE },
        { weekday: 4, sessions: FIVE },
        { weekday: 5, sessions: [{ start: '08:00', end: '09:00', capacity: 30 }, { start: '09:00', end: '11:00', capacity: 30 }] },
        { weekday: 6, sessions: [{ start: '09:00', end: '12:00', capacity: 20 }] },
      ],
    };
    const res = await as(admin, 'PUT', `/api/v1/offices/${office}/schedule`, week);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warnings).toEqual([]);
    const got = (await as(admin, 'GET', `/api/v1/offices/${office}/schedule`)).json();
    expect(got.weekdays).toHaveLength(7);
    expect(got.weekdays[0]).toEqual({ weekday: 1, sessions: [] });
    expect(got.weekdays[4].sessions).toEqual(week.weekdays[3]!.sessions);
    const plan = await days(office, '2026-12-04', 4);
    expect(plan.map((d) => [d.date, d.sessions.map((s) => `${s.start}-${s.end}:${s.capacity}`)])).toEqual([
      ['2026-12-04', ['08:00-09:00:30', '09:00-11:00:30']],
      ['2026-12-05', ['09:00-12:00:20']],
      ['2026-12-06', []],
      ['2026-12-07', []],
    ]);
    // New slots take the next free queue letters: Friday's 09:00–11:00 F, Saturday's G.
    const sat = await bookIn(office, '2026-12-05', plan[1]!.sessions[0]!.id);
    expect(sat.statusCode, sat.body).toBe(201);
    expect(sat.json().booking.queueNumber).toBe('G001');
    const monday = await bookIn(office, '2026-12-07', plan[0]!.sessions[0]!.id);
    expect(monday.statusCode).toBe(409);
  });

  it('refuses overlapping sessions, an end before its start and places out of range, changing nothing', async () => {
    const office = await openOffice();
    const before = (await as(admin, 'GET', `/api/v1/offices/${office}/schedule`)).json();
    const res = await as(admin, 'PUT', `/api/v1/offices/${office}/schedule`, {
      weekdays: [
        { weekday: 1, sessions: [{ start: '08:00', end: '10:00', capacity: 10 }, { start: '09:00', end: '11:00', capacity: 10 }] },
        { weekday: 2, sessions: [{ start: '10:00', end: '09:00', capacity: 10 }] },
        { weekday: 3, sessions: [{ start: '08:00', end: '09:00', capacity: -1 }, { start: '09:00', end: '10:00', capacity: 10_001 }] },
        { weekday: 9, sessions: [] },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({
      'weekdays.0.sessions.1.start': { code: 'SESSIONS_OVERLAP' },
      'weekdays.1.sessions.0.end': { code: 'END_BEFORE_START' },
      'weekdays.2.sessions.0.capacity': { code: 'CAPACITY_RANGE' },
      'weekdays.2.sessions.1.capacity': { code: 'CAPACITY_RANGE' },
      'weekdays.3.weekday': { code: 'WEEKDAY_INVALID' },
    });
    expect((await as(admin, 'GET', `/api/v1/offices/${office}/schedule`)).json()).toEqual(before);
    const badShape = await as(admin, 'PUT', `/api/v1/offices/${office}/schedule`, { weekdays: [{ weekday: 1, sessions: [{ start: 8, end: '09:00', capacity: 'x' }] }] });
    expect(badShape.statusCode).toBe(422);
  });

  it('gives one date its own sessions, and takes them away again', async () => {
    const office = await openOffice();
    const extra = [{ start: '07:00', end: '08:00', capacity: 5 }, ...FIVE.map((s) => ({ ...s, capacity: 10 }))];
    const res = await as(admin, 'PUT', `/api/v1/offices/${office}/days/2026-12-10`, { sessions: extra });
    expect(res.statusCode, res.body).toBe(200);
    const [thu] = await days(office, '2026-12-10', 1);
    expect(thu!.sessions.map((s) => `${s.start}:${s.capacity}`)).toEqual(['07:00:5', '08:00:10', '09:00:10', '10:00:10', '11:00:10', '13:00:10']);
    expect((await as(admin, 'GET', `/api/v1/offices/${office}/days`)).json().days).toEqual([{ date: '2026-12-10', sessions: extra }]);
    // A Sunday opens with sessions of its own.
    expect((await as(admin, 'PUT', `/api/v1/offices/${office}/days/2026-12-13`, { sessions: [{ start: '09:00', end: '12:00', capacity: 50 }] })).statusCode).toBe(200);
    expect((await days(office, '2026-12-13', 1))[0]!.open).toBe(true);
    expect((await as(admin, 'DELETE', `/api/v1/offices/${office}/days/2026-12-10`)).statusCode).toBe(200);
    expect((await days(office, '2026-12-10', 1))[0]!.sessions.map((s) => s.capacity)).toEqual([40, 40, 40, 40, 40]);
    const missing = await as(admin, 'DELETE', `/api/v1/offices/${office}/days/2026-12-10`);
    expect(missing.statusCode).toBe(404);
    const past = await as(admin, 'PUT', `/api/v1/offices/${office}/days/2026-11-30`, { sessions: FIVE });
    expect(past.json().error.fields.date.code).toBe('DATE_PAST');
    const empty = await as(admin, 'PUT', `/api/v1/offices/${office}/days/2026-12-11`, { sessions: [] });
    expect(empty.json().error.fields.sessions.code).toBe('SESSIONS_REQUIRED');
  });

  it('tells open booking pages that places changed', async () => {
    const office = await rt.storage.db.selectFrom('offices').select('id').where('slug', '=', 'kota-bogor').executeTakeFirstOrThrow();
    const seen: unknown[] = [];
    const stop = rt.ctx.events.subscribe(office.id, (e) => {
      if (e.type === 'availability') seen.push(e.payload.date);
    });
    try {
      await as(admin, 'PUT', '/api/v1/offices/kota-bogor/days/2026-12-11', { sessions: [{ start: '08:00', end: '09:00', capacity: 7 }] });
      const deadline = Date.now() + 5_000;
      while (!seen.includes('2026-12-11') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual(['2026-12-11']);
    } finally {
      stop();
      await as(admin, 'DELETE', '/api/v1/offices/kota-bogor/days/2026-12-11');
    }
  });

  it('keeps every booking when places drop below them, says so, and books no more', async () => {
    const [wed] = await days('kota-bogor', '2026-12-09', 1);
    const first = wed!.sessions[0]!;
    for (let i = 0; i < 3; i++) expect((await bookIn('kota-bogor', '2026-12-09', first.id)).statusCode).toBe(201);
    const res = await as(admin, 'PUT', '/api/v1/offices/kota-bogor/days/2026-12-09', { sessions: [{ start: '08:00', end: '09:00', capacity: 2 }] }, 'en');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warnings).toEqual([expect.objectContaining({ code: 'OVER_NEW_LIMIT', booked: 3, capacity: 2 })]);
    expect(res.json().warnings[0].message).toMatch(/3 booked, new limit 2: nobody is removed/);
    const [after] = await days('kota-bogor', '2026-12-09', 1);
    expect(after!.sessions).toEqual([expect.objectContaining({ id: first.id, remaining: 0, bookable: false })]);
    expect((await bookIn('kota-bogor', '2026-12-09', first.id)).json().error.code).toBe('SESSION_FULL');
    const active = await rt.storage.db.selectFrom('bookings').select('code').where('date', '=', '2026-12-09').where('status', '=', 'booked').execute();
    expect(active).toHaveLength(3);
  });

  it('holds the desk share back from online booking, exactly', async () => {
    const office = await openOffice('Asia/Jakarta');
    await as(admin, 'PUT', `/api/v1/offices/${office}/days/2026-12-16`, { sessions: [{ start: '08:00', end: '09:00', capacity: 4 }] });
    expect((await as(admin, 'PATCH', `/api/v1/offices/${office}`, { deskSharePercent: 50, bookingDaysAhead: 20 })).statusCode).toBe(200);
    const [day] = await days(office, '2026-12-16', 1);
    const s = day!.sessions[0]!;
    expect(s.remaining).toBe(2);
    expect((await bookIn(office, '2026-12-16', s.id)).statusCode).toBe(201);
    expect((await bookIn(office, '2026-12-16', s.id)).statusCode).toBe(201);
    expect((await bookIn(office, '2026-12-16', s.id)).json().error.code).toBe('SESSION_FULL');
    const desk = await logInStaff(rt, 'desk');
    const deskBook = (nik: string) => as(desk, 'POST', `/api/v1/offices/${office}/bookings`, { ...bookingBody({ date: '2026-12-16', sessionId: s.id, nik }) });
    expect((await deskBook(freshNik())).statusCode).toBe(201);
    expect((await deskBook(freshNik())).statusCode).toBe(201);
    expect((await deskBook(freshNik())).json().error.code).toBe('SESSION_FULL');
  });

  it('obeys a new limit exactly under a booking rush', async () => {
    const [day] = await days('kota-bogor', '2026-12-14', 1);
    const s = day!.sessions[1]!;
    const rush = Array.from({ length: 30 }, () => bookIn('kota-bogor', '2026-12-14', s.id));
    const change = as(admin, 'PUT', '/api/v1/offices/kota-bogor/days/2026-12-14', { sessions: [{ start: s.start, end: s.end, capacity: 5 }] });
    const [changed, ...booked] = await Promise.all([change, ...rush]);
    expect(changed.statusCode, changed.body).toBe(200);
    const reported = (changed.json().warnings as { booked: number }[])[0]?.booked ?? 0;
    const active = await rt.storage.db.selectFrom('bookings').select('id').where('date', '=', '2026-12-14').where('session_id', '=', s.id).where('status', '=', 'booked').execute();
    expect(booked.filter((r) => r.statusCode === 201)).toHaveLength(active.length);
    // Bookings before the change are kept and reported; every one after it met the limit of 5.
    expect(active.length).toBe(Math.max(reported, Math.min(5, active.length)));
    expect(active.length).toBeLessThanOrEqual(Math.max(reported, 5));
    const more = await Promise.all(Array.from({ length: 10 }, () => bookIn('kota-bogor', '2026-12-14', s.id)));
    const total = active.length + more.filter((r) => r.statusCode === 201).length;
    expect(total).toBe(Math.max(reported, 5));
  });

  it('audits every change with who and what, beside ticket events, filtered by office, date, user and code', async () => {
    const office = await openOffice();
    expect((await as(admin, 'PATCH', `/api/v1/offices/${office}`, { name: 'Kantor Diaudit' })).statusCode).toBe(200);
    expect((await as(admin, 'PUT', `/api/v1/offices/${office}/schedule`, { weekdays: [2, 3, 4, 5, 6].map((weekday) => ({ weekday, sessions: FIVE })) })).statusCode).toBe(200);
    expect((await as(admin, 'PUT', `/api/v1/offices/${office}/days/2026-12-10`, { sessions: FIVE })).statusCode).toBe(200);
    expect((await as(admin, 'DELETE', `/api/v1/offices/${office}/days/2026-12-10`)).statusCode).toBe(200);
    const [wed] = await days(office, '2026-12-02', 1);
    expect((await bookIn(office, '2026-12-02', wed!.sessions[0]!.id)).statusCode).toBe(201);
    const all = (await as(admin, 'GET', `/api/v1/audit?office=${office}`)).json().entries as { kind: string; action: string; user: string | null; subject: string }[];
    const config = all.filter((e) => e.kind === 'config').map((e) => e.action);
    expect(config).toEqual(expect.arrayContaining(['office.create', 'office.update', 'schedule.update', 'day.set', 'day.remove']));
    expect(all.filter((e) => e.kind === 'config').every((e) => e.user === admin.username)).toBe(true);
    const created = all.find((e) => e.action === 'office.create') as unknown as { before: unknown; after: { timezone: string } };
    expect(created.before).toBeNull();
    expect(created.after.timezone).toBe('Asia/Makassar');
    const ticket = all.find((e) => e.kind === 'ticket')!;
    const byCode = (await as(admin, 'GET', `/api/v1/audit?code=${ticket.subject}`)).json().entries as { kind: string; subject: string }[];
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((e) => e.kind === 'ticket' && e.subject === ticket.subject)).toBe(true);
    const byUser = (await as(admin, 'GET', `/api/v1/audit?user=${admin.username}&from=2026-12-01&to=2026-12-01`)).json().entries as { user: string }[];
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e) => e.user === admin.username)).toBe(true);
    expect((await as(admin, 'GET', '/api/v1/audit?from=2026-11-01&to=2026-11-02')).json().entries).toEqual([]);
    const bad = await as(admin, 'GET', '/api/v1/audit?from=kemarin');
    expect(bad.statusCode).toBe(422);
  });

  it('keeps an admin tied to one office to that office', async () => {
    const office = await openOffice();
    const local = await logInStaff(rt, 'admin', { officeSlug: 'kota-bogor' });
    expect((await as(local, 'GET', '/api/v1/offices/kota-bogor/schedule')).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['GET', `/api/v1/offices/${office}/schedule`, undefined],
      ['PUT', `/api/v1/offices/${office}/schedule`, { weekdays: [] }],
      ['PATCH', `/api/v1/offices/${office}`, { name: 'X' }],
      ['PUT', `/api/v1/offices/${office}/days/2026-12-18`, { sessions: FIVE }],
      ['POST', '/api/v1/offices', { slug: 'kab-gowa', name: 'Gowa', timezone: 'Asia/Makassar' }],
      ['GET', `/api/v1/audit?office=${office}`, undefined],
    ] as const) {
      const res = await as(local, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('OTHER_OFFICE');
    }
    const own = (await as(local, 'GET', '/api/v1/audit')).json().entries as { office: string | null }[];
    expect(own.every((e) => e.office === 'kota-bogor')).toBe(true);
  });
  it("shows a WITA office's tickets and check-in window on Makassar's clock", async () => {
    const office = await openOffice();
    expect((await as(admin, 'PATCH', `/api/v1/offices/${office}`, { checkInBeforeMinutes: 45 })).statusCode).toBe(200);
    const [wed] = await days(office, '2026-12-02', 1);
    const res = await bookIn(office, '2026-12-02', wed!.sessions[0]!.id);
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().booking.code as string;
    const ticket = await as(null, 'GET', `/api/v1/bookings/${code}`);
    expect(ticket.json().booking.when).toMatch(/08\.00–09\.00 WITA/);
    // 06:59 WITA is 22:59 UTC the day before: 61 minutes early, past the office's 60-minute margin for early arrivals;
    // 07.00 is the earliest without a reason.
    rt.setNow(new Date('2026-12-01T22:59:00Z'));
    const desk = await logInStaff(rt, 'desk', { officeSlug: office });
    const early = await as(desk, 'POST', `/api/v1/offices/${office}/check-ins`, { code });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'CHECK_IN_WINDOW', details: { timing: 'early', opensAt: '07:00' } });
    rt.setNow(new Date('2026-12-01T23:16:00Z'));
    const onTime = await as(desk, 'POST', `/api/v1/offices/${office}/check-ins`, { code });
    expect(onTime.statusCode, onTime.body).toBe(200);
  });


  it('keeps the admin pages to admins, and an office-tied admin to their office', async () => {
    const office = await openOffice();
    const anonymous = await as(null, 'GET', '/staff/admin/offices');
    expect(anonymous.statusCode).toBe(303);
    const desk = await logInStaff(rt, 'desk');
    expect((await as(desk, 'GET', '/staff/admin/offices')).statusCode).toBe(403);
    const local = await logInStaff(rt, 'admin', { officeSlug: 'kota-bogor' });
    const list = await as(local, 'GET', '/staff/admin/offices');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(office);
    expect(list.body).not.toContain('name="slug"');
    for (const path of [`/staff/admin/offices/${office}`, `/staff/admin/offices/${office}/schedule`, `/staff/admin/offices/${office}/days`]) {
      expect((await as(local, 'GET', path)).statusCode, path).toBe(403);
    }
    const post = await rt.app.inject({
      method: 'POST',
      url: `/staff/admin/offices/${office}/schedule`,
      payload: `_csrf=${local.csrfToken}&rows=0`,
      headers: { cookie: local.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(403);
    expect((await as(await logInStaff(rt, 'admin'), 'GET', `/staff/admin/offices/${office}/schedule`)).body).toContain('WITA');
  });
});
