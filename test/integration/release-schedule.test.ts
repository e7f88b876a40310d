import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { announceReleases } from '../../src/app/booking/commands/announce-releases.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor, phoneFor } from '../support/factories.js';
import { openEventStream } from '../support/sse.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime, TUESDAY_MORNING } from '../support/test-runtime.js';

/** Tuesday 1 December 2026 on the WIB clock: 15 December (14 days ahead) is released that day. */
const wib = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+07:00`);
const RELEASED_DAY = '2026-12-15';
const FIRST_WAVE = '2026-12-01T00:00:00.000Z';
const SECOND_WAVE = '2026-12-01T12:00:00.000Z';

interface Session {
  id: number;
  remaining: number;
  bookable: boolean;
  label: string;
  opensAt: string | null;
}
interface Day {
  date: string;
  opensAt: string | null;
  label: string | null;
  sessions: Session[];
}

describe.each(DIALECTS)('release schedule on $name', (dialect) => {
  let rt: TestRuntime;
  let admin: StaffLogin;
  let base: string;
  let n = 7000;
  const freshNik = () => nikFor(n++);
  let officeSerial = 0;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
  });
  beforeEach(async () => {
    rt.setNow(TUESDAY_MORNING);
    admin = await logInStaff(rt, 'admin');
  });
  afterAll(async () => {
    await rt.close();
  });

  const as = (login: StaffLogin | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, lang?: string) =>
    rt.app.inject({
      method,
      url,
      payload,
      headers: { ...(login ? { cookie: login.cookie, 'x-csrf-token': login.csrfToken } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    });
  const dayOf = async (slug: string, date: string, lang = 'id'): Promise<Day> =>
    (await as(null, 'GET', `/api/v1/offices/${slug}/availability?from=${date}&days=1`, undefined, lang)).json().days[0];
  // Distinct citizens with distinct phones: offices made here keep the monthly limit per phone.
  const bookOnline = (office: string, date: string, sessionId: number) =>
    as(null, 'POST', '/api/v1/bookings', bookingBody({ office, date, sessionId, nik: freshNik(), phone: phoneFor(n) }));
  const bookAtDesk = (desk: StaffLogin, office: string, date: string, sessionId: number) =>
    as(desk, 'POST', `/api/v1/offices/${office}/bookings`, bookingBody({ office, date, sessionId, nik: freshNik() }));

  /** A WIB office of the test's own whose released day has one session of `capacity`, with the draw off (first come, first served). */
  async function openOffice(release: object, capacity = 10): Promise<{ slug: string; sessionId: number }> {
    const slug = `rilis-${dialect.name}-${officeSerial++}`;
    expect((await as(admin, 'POST', '/api/v1/offices', { slug, name: `Kantor Rilis ${officeSerial}`, address: 'Jl. Uji', timezone: 'Asia/Jakarta' })).statusCode).toBe(201);
    const patched = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { release: { drawSeconds: 0, ...release } });
    expect(patched.statusCode, patched.body).toBe(200);
    const day = await as(admin, 'PUT', `/api/v1/offices/${slug}/days/${RELEASED_DAY}`, { sessions: [{ start: '08:00', end: '09:00', capacity }] });
    expect(day.statusCode, day.body).toBe(200);
    const [session] = (await dayOf(slug, RELEASED_DAY)).sessions;
    return { slug, sessionId: session!.id };
  }

  /** Fires `count` online bookings at once and answers how many were made and the codes of the rest. */
  async function rush(slug: string, sessionId: number, count: number): Promise<{ made: number; refused: string[] }> {
    const answers = await Promise.all(Array.from({ length: count }, () => bookOnline(slug, RELEASED_DAY, sessionId)));
    return { made: answers.filter((a) => a.statusCode === 201).length, refused: answers.filter((a) => a.statusCode !== 201).map((a) => a.json().error.code) };
  }

  it('keeps a day closed to online booking until its release time, says when it opens, and lets the desk book it', async () => {
    const { slug, sessionId } = await openOffice({ time: '07:00' });
    rt.setNow(wib('06:59'));
    const before = await dayOf(slug, RELEASED_DAY);
    expect(before.opensAt).toBe(FIRST_WAVE);
    expect(before.label).toBe('Dibuka Selasa, 1 Desember, 07.00 WIB');
    expect(before.sessions[0]).toMatchObject({ bookable: false, remaining: 0, opensAt: FIRST_WAVE, label: 'Dibuka Selasa, 1 Desember, 07.00 WIB' });
    expect((await dayOf(slug, RELEASED_DAY, 'en')).label).toBe('Opens on Tuesday, 1 December, 07:00 WIB');

    const early = await bookOnline(slug, RELEASED_DAY, sessionId);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'NOT_YET_OPEN', details: { opensAt: FIRST_WAVE } });
    expect(early.json().error.message).toContain('Selasa, 1 Desember, 07.00 WIB');
    const desk = await logInStaff(rt, 'desk', { officeSlug: slug });
    expect((await bookAtDesk(desk, slug, RELEASED_DAY, sessionId)).statusCode).toBe(201);

    rt.setNow(wib('07:00'));
    const open = await dayOf(slug, RELEASED_DAY);
    expect(open.opensAt).toBeNull();
    expect(open.sessions[0]).toMatchObject({ bookable: true, remaining: 9, opensAt: null });
    expect((await bookOnline(slug, RELEASED_DAY, sessionId)).statusCode).toBe(201);
    // The next day is the next to open: tomorrow at 07.00.
    expect((await dayOf(slug, '2026-12-16')).opensAt).toBe('2026-12-02T00:00:00.000Z');
  });

  it('books at 07.00.00.0 though a tenth of a second before the session refused as not yet open: the day kept for refusals is its minute\'s', async () => {
    const { slug, sessionId } = await openOffice({ time: '07:00' });
    rt.setNow(new Date(Date.parse(FIRST_WAVE) - 100));
    for (let i = 0; i < 3; i++) expect((await bookOnline(slug, RELEASED_DAY, sessionId)).json().error.code).toBe('NOT_YET_OPEN');
    rt.setNow(new Date(FIRST_WAVE));
    const first = await bookOnline(slug, RELEASED_DAY, sessionId);
    expect(first.statusCode, first.body).toBe(201);
  });

  it('opens half of the online places at 07.00 and the rest at 19.00, exactly under a rush, the desk share held back', async () => {
    // 10 places, 20% for the desk: 8 online, 4 of them at 07.00.
    const { slug, sessionId } = await openOffice({ time: '07:00', deskShare: 20, waves: [{ time: '07:00', percent: 50 }, { time: '19:00', percent: 50 }] });
    rt.setNow(wib('07:00'));
    const first = await rush(slug, sessionId, 7);
    expect(first.made).toBe(4);
    expect(new Set(first.refused)).toEqual(new Set(['SESSION_FULL']));
    const between = (await dayOf(slug, RELEASED_DAY)).sessions[0]!;
    expect(between).toMatchObject({ bookable: false, remaining: 0, opensAt: SECOND_WAVE, label: 'Penuh; tempat berikutnya dibuka Selasa, 1 Desember, 19.00 WIB' });

    rt.setNow(wib('18:59'));
    expect((await bookOnline(slug, RELEASED_DAY, sessionId)).json().error.code).toBe('SESSION_FULL');
    rt.setNow(wib('19:00'));
    const second = await rush(slug, sessionId, 7);
    expect(second.made).toBe(4);
    expect((await dayOf(slug, RELEASED_DAY)).sessions[0]).toMatchObject({ bookable: false, remaining: 0, opensAt: null, label: 'Penuh' });

    // The desk's two places are still there for the desk, and only for it.
    const desk = await logInStaff(rt, 'desk', { officeSlug: slug });
    expect((await bookAtDesk(desk, slug, RELEASED_DAY, sessionId)).statusCode).toBe(201);
    expect((await bookAtDesk(desk, slug, RELEASED_DAY, sessionId)).statusCode).toBe(201);
    expect((await bookAtDesk(desk, slug, RELEASED_DAY, sessionId)).json().error.code).toBe('SESSION_FULL');
    const active = await rt.storage.db.selectFrom('bookings').select('id').where('session_id', '=', sessionId).where('date', '=', RELEASED_DAY).where('status', '=', 'booked').execute();
    expect(active).toHaveLength(10);
  });

  it('tells open booking pages when a wave opens, on the fake clock', async () => {
    const { slug, sessionId } = await openOffice({ time: '07:00', waves: [{ time: '07:00', percent: 50 }, { time: '19:00', percent: 50 }] });
    const stream = await openEventStream(`${base}/api/v1/offices/${slug}/availability/events`, {});
    try {
      // Nothing between 06.00 and 06.59 for this office; 07.00 releases the 15th.
      await announceReleases(rt.ctx, { after: wib('06:00'), upTo: wib('06:59') });
      await announceReleases(rt.ctx, { after: wib('06:59'), upTo: wib('07:00') });
      expect((await stream.next((e) => e.event === 'availability')).data).toEqual({ date: RELEASED_DAY, sessionId });
      expect(await announceReleases(rt.ctx, { after: wib('18:59'), upTo: wib('19:00') })).toBeGreaterThanOrEqual(1);
      expect((await stream.next((e) => e.event === 'availability')).data).toEqual({ date: RELEASED_DAY, sessionId });
    } finally {
      stream.close();
    }
  });

  it('shows on the booking form when a day opens, instead of a choice', async () => {
    const { slug, sessionId } = await openOffice({ time: '07:00' });
    rt.setNow(wib('06:59'));
    const early = await as(null, 'GET', `/o/${slug}`);
    expect(early.statusCode).toBe(200);
    expect(early.body).toContain('Dibuka Selasa, 1 Desember, 07.00 WIB');
    expect(early.body).toMatch(new RegExp(`<button[^>]*value="${RELEASED_DAY}\\|${sessionId}"[^>]*disabled`));
    rt.setNow(wib('07:00'));
    const open = await as(null, 'GET', `/o/${slug}`, undefined, 'en');
    expect(open.body).not.toMatch(new RegExp(`<button[^>]*value="${RELEASED_DAY}\\|${sessionId}"[^>]*disabled`));
    expect(open.body).toContain('Opens on Wednesday, 2 December, 07:00 WIB');
  });

  it('takes the release settings in PATCH, with the old names as aliases, shows and audits them, and names every bad field', async () => {
    const { slug } = await openOffice({ time: '07:00' });
    const waves = [
      { time: '07:00', percent: 50 },
      { time: '19:00', percent: 50 },
    ];
    const res = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { release: { daysAhead: 10, drawSeconds: 30, deskShare: 15, waves } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().office).toMatchObject({ bookingDaysAhead: 10, deskSharePercent: 15, release: { daysAhead: 10, time: '07:00', drawSeconds: 30, deskShare: 15, waves } });
    const settings = await as(admin, 'GET', `/api/v1/offices/${slug}/settings`);
    expect(settings.json().office.release).toEqual({ daysAhead: 10, time: '07:00', drawSeconds: 30, deskShare: 15, waves });

    // The flat names still work and are the same settings; waves sent alone set the time; null clears them.
    const flat = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { bookingDaysAhead: 12, deskSharePercent: 5 });
    expect(flat.json().office.release).toMatchObject({ daysAhead: 12, deskShare: 5 });
    const moved = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { release: { waves: [{ time: '08:00', percent: 100 }] } });
    expect(moved.json().office.release).toMatchObject({ time: '08:00', waves: [{ time: '08:00', percent: 100 }] });
    const cleared = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { release: { waves: null, time: '07:30' } });
    expect(cleared.json().office.release).toMatchObject({ time: '07:30', waves: null });

    const audit = (await as(admin, 'GET', `/api/v1/audit?office=${slug}`)).json().entries as { action: string; before?: { release: unknown }; after?: { release: unknown } }[];
    const change = audit.find((e) => e.action === 'office.update' && JSON.stringify(e.after?.release).includes('07:30'));
    expect(change?.before?.release).toMatchObject({ time: '08:00' });

    const bad = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, {
      release: { daysAhead: 0, time: '25:00', drawSeconds: -1, deskShare: 101, waves: [{ time: '19:00', percent: 50 }, { time: '07:00', percent: 50 }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('INVALID_INPUT');
    expect(Object.fromEntries(Object.entries(bad.json().error.fields as Record<string, { code: string }>).map(([k, v]) => [k, v.code]))).toEqual({
      'release.daysAhead': 'NUMBER_RANGE',
      'release.drawSeconds': 'NUMBER_RANGE',
      'release.deskShare': 'NUMBER_RANGE',
      'release.time': 'TIME_INVALID',
      'release.waves': 'RELEASE_WAVES_INVALID',
    });
    const conflict = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { bookingDaysAhead: 14, release: { daysAhead: 7 } });
    expect(conflict.json().error.fields['release.daysAhead'].code).toBe('RELEASE_ALIAS_CONFLICT');
    const notFirst = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { release: { waves: [{ time: '07:00', percent: 100 }] } });
    expect(notFirst.statusCode).toBe(200);
    const wrongTime = await as(admin, 'PATCH', `/api/v1/offices/${slug}`, { release: { time: '09:00' } });
    expect(wrongTime.json().error.fields['release.time'].code).toBe('RELEASE_TIME_NOT_FIRST_WAVE');
    expect((await as(admin, 'GET', `/api/v1/offices/${slug}/settings`)).json().office.release).toMatchObject({ daysAhead: 12, time: '07:00', drawSeconds: 30, deskShare: 5 });
  });

  it('sets the release on the admin page without a script, and names a bad wave list', async () => {
    const { slug } = await openOffice({ time: '07:00' });
    const page = await as(admin, 'GET', `/staff/admin/offices/${slug}`);
    expect(page.body).toContain('name="releaseTime"');
    expect(page.body).toContain('name="wave3_percent"');
    const settings = (await as(admin, 'GET', `/api/v1/offices/${slug}/settings`)).json().office;
    const form = (over: Record<string, string>) =>
      new URLSearchParams({
        _csrf: admin.csrfToken,
        name: settings.name,
        address: settings.address,
        contactPhone: '',
        contactEmail: '',
        timezone: settings.timezone,
        bookingDaysAhead: '14',
        checkInBeforeMinutes: String(settings.checkInBeforeMinutes),
        checkInAfterMinutes: String(settings.checkInAfterMinutes),
        earlyCheckInMinutes: String(settings.earlyCheckInMinutes),
        deskSharePercent: '10',
        retentionDays: String(settings.retentionDays),
        releaseTime: '07:00',
        drawSeconds: '45',
        wave0_time: '07:00',
        wave0_percent: '60',
        wave1_time: '19:00',
        wave1_percent: '40',
        ...over,
      }).toString();
    const post = (body: string) =>
      rt.app.inject({ method: 'POST', url: `/staff/admin/offices/${slug}`, payload: body, headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    const saved = await post(form({}));
    expect(saved.statusCode, saved.body).toBe(303);
    expect((await as(admin, 'GET', `/api/v1/offices/${slug}/settings`)).json().office.release).toEqual({
      daysAhead: 14,
      time: '07:00',
      drawSeconds: 45,
      deskShare: 10,
      waves: [
        { time: '07:00', percent: 60 },
        { time: '19:00', percent: 40 },
      ],
    });
    const wrong = await post(form({ wave1_percent: '50' }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('berjumlah 100');
    expect(wrong.body).toContain('value="50"');
  });
});
