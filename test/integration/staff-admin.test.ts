import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** Wednesday 2 December 2026 at a wall-clock time in Kota Bogor (UTC+7). */
const wednesdayAt = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+07:00`);
const TUESDAY = new Date('2026-12-01T02:00:00Z');
const O = '/api/v1/offices/kota-bogor';

describe.each(DIALECTS)('services, counters and staff administration on $name', (dialect) => {
  let rt: TestRuntime;
  let admin: StaffLogin;
  let n = 6000;
  let address = 0;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    // Logged in on Wednesday morning, so the sessions outlive the moves between Tuesday and Wednesday.
    rt.setNow(wednesdayAt('07:00'));
    admin = await logInStaff(rt, 'admin');
    await rt.storage.db.insertInto('offices').values({
      slug: 'kota-depok', name: 'Disdukcapil Kota Depok', timezone: 'Asia/Jakarta', address: '', open_weekdays: '1,2,3,4,5',
      same_day_booking: 0, booking_days_ahead: 14, check_in_before_minutes: 30, check_in_after_minutes: 30, created_at: wednesdayAt('07:00').toISOString(),
    }).execute();
  });
  afterAll(async () => {
    await rt.close();
  });

  const call = (who: StaffLogin | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, lang = 'id') =>
    rt.app.inject({ method, url, payload, headers: { 'accept-language': lang, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {}) } });

  const audit = (action: string) => rt.storage.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  async function login(username: string, password: string) {
    address += 1;
    return rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: `203.0.113.${address}` });
  }

  function sessionOf(res: Awaited<ReturnType<typeof login>>, username: string, password: string): StaffLogin {
    const cookie = res.cookies.find((c) => c.name === 'antrean_session');
    return { username, password, cookie: `antrean_session=${cookie!.value}`, csrfToken: res.json().csrfToken };
  }

  async function sessionIds(): Promise<number[]> {
    const res = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    return res.json().days[0].sessions.map((s: { id: number }) => s.id);
  }

  /** Books on Tuesday for Wednesday through the citizen API, then puts the clock back. */
  async function bookForWednesday(service: string, then: Date) {
    rt.setNow(TUESDAY);
    const [first] = await sessionIds();
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId: first, nik: nikFor(n++), service }) });
    rt.setNow(then);
    return res;
  }

  it('shows English documents on English answers, with the seed filled in', async () => {
    const en = (await call(null, 'GET', `${O}/services`, undefined, 'en')).json().services as { code: string; documents: string[]; documentsId: string[]; eligibility: string; order: number }[];
    const ktp = en.find((s) => s.code === 'KTP-BARU')!;
    // Being 17 or married is a condition of the service, not a document to bring.
    expect(ktp.documents).toEqual(['Family card (Kartu Keluarga, KK)']);
    expect(ktp.eligibility).toBe('For people aged 17 or over, or married now or before.');
    expect(ktp.documentsId[0]).toBe('Kartu Keluarga (KK)');
    expect(en.map((s) => s.order)).toEqual(en.map((_, i) => i + 1));
    const booked = await bookForWednesday('KK', wednesdayAt('07:00'));
    expect(booked.statusCode, booked.body).toBe(201);
    const ticket = await rt.app.inject({ url: `/api/v1/bookings/${booked.json().booking.code}`, headers: { 'accept-language': 'en' } });
    expect(ticket.json().booking.documents).toContain('Completed form F-1.01');
    const page = await rt.app.inject({ url: `/t/${booked.json().booking.code}?lang=en` });
    expect(page.body).toContain('Completed form F-1.01');
    expect(page.body).not.toContain('Formulir F-1.01');
  });

  it('adds a service at the end of the list, audited, and refuses bad or taken codes field by field', async () => {
    const listed = (await call(null, 'GET', `${O}/services`)).json().services as { order: number }[];
    const created = await call(admin, 'POST', `${O}/services`, {
      code: ' akta-angkat ', nameId: 'Akta Pengangkatan Anak', nameEn: 'Adoption certificate',
      documentsId: ['Salinan penetapan pengadilan', ' ', 'KTP-el orang tua angkat'], documentsEn: ['Copy of the court ruling', "Adoptive parents' KTP-el"], needsPresence: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().service).toMatchObject({ code: 'AKTA-ANGKAT', name: 'Akta Pengangkatan Anak', documentsId: ['Salinan penetapan pengadilan', 'KTP-el orang tua angkat'], active: true, order: Math.max(...listed.map((x) => x.order)) + 1 });
    const [row] = (await audit('service.create')).filter((r) => r.subject === 'AKTA-ANGKAT');
    expect(row).toMatchObject({ subject: 'AKTA-ANGKAT', username: admin.username, before_json: null });
    expect(JSON.parse(row!.after_json!)).toMatchObject({ code: 'AKTA-ANGKAT', nameEn: 'Adoption certificate' });
    // Bookable at once.
    expect((await bookForWednesday('AKTA-ANGKAT', wednesdayAt('07:00'))).statusCode).toBe(201);

    const taken = await call(admin, 'POST', `${O}/services`, { code: 'kk', nameId: 'Lagi', nameEn: 'Again' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'SERVICE_CODE_TAKEN', message: 'Kode layanan KK sudah dipakai di kantor ini.' });
    const bad = await call(admin, 'POST', `${O}/services`, { code: 'ktp baru!', nameId: '  ', nameEn: 'x', documentsEn: Array.from({ length: 21 }, (_, i) => `Doc ${i}`) }, 'en');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({
      code: { code: 'SERVICE_CODE_INVALID', message: expect.stringContaining('1 to 32 characters') },
      nameId: { code: 'REQUIRED', message: 'Required.' },
      documentsEn: { code: 'DOCUMENTS_TOO_MANY', message: 'At most 20 documents.' },
    });
    const wrongTypes = await call(admin, 'POST', `${O}/services`, { code: 'X', nameId: 'X', nameEn: 'X', needsPresence: 'ya' });
    expect(wrongTypes.statusCode).toBe(422);
    expect(wrongTypes.json().error.fields.needsPresence.code).toBe('BOOLEAN_INVALID');
    expect((await call(admin, 'POST', '/api/v1/offices/atlantis/services', { code: 'X', nameId: 'X', nameEn: 'X' })).statusCode).toBe(404);
    // Only the first one was created, and audited once; the refused ones made nothing.
    expect((await audit('service.create')).filter((r) => r.subject === 'AKTA-ANGKAT')).toHaveLength(1);
    const codes = ((await call(null, 'GET', `${O}/services`)).json().services as { code: string }[]).map((x) => x.code);
    expect(codes).not.toContain('X');
  });

  it('changes a service, and one switched off cannot be booked while its bookings stay valid', async () => {
    const before = await bookForWednesday('LEGALISIR', wednesdayAt('07:00'));
    expect(before.statusCode).toBe(201);
    const patched = await call(admin, 'PATCH', `${O}/services/legalisir`, { nameEn: 'Legalisation of documents', documentsEn: ['Original', 'Photocopies'], needsPresence: true });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().service).toMatchObject({ code: 'LEGALISIR', nameEn: 'Legalisation of documents', documentsEn: ['Original', 'Photocopies'], needsPresence: true, active: true });

    const off = await call(admin, 'PATCH', `${O}/services/LEGALISIR`, { active: false });
    expect(off.json().service.active).toBe(false);
    const publicList = (await call(null, 'GET', `${O}/services`)).json().services as { code: string }[];
    expect(publicList.map((s) => s.code)).not.toContain('LEGALISIR');
    const all = (await call(null, 'GET', `${O}/services?includeInactive=true`)).json().services as { code: string; active: boolean }[];
    expect(all.find((s) => s.code === 'LEGALISIR')?.active).toBe(false);
    const refused = await bookForWednesday('LEGALISIR', wednesdayAt('07:00'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.service.code).toBe('UNKNOWN_SERVICE');
    // The booking made before still opens and checks in.
    const code = before.json().booking.code as string;
    expect((await rt.app.inject({ url: `/api/v1/bookings/${code}` })).json().booking.service).toBe('LEGALISIR');
    const desk = await logInStaff(rt, 'desk');
    rt.setNow(wednesdayAt('07:45'));
    expect((await call(desk, 'POST', `${O}/check-ins`, { code })).statusCode).toBe(200);
    rt.setNow(wednesdayAt('07:00'));

    const updates = await audit('service.update');
    expect(updates).toHaveLength(2);
    expect(JSON.parse(updates[1]!.before_json!).active).toBe(true);
    expect(JSON.parse(updates[1]!.after_json!).active).toBe(false);
    const empty = await call(admin, 'PATCH', `${O}/services/LEGALISIR`, { nameId: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields.nameId.code).toBe('REQUIRED');
    expect((await call(admin, 'PATCH', `${O}/services/NOPE`, { nameId: 'x' })).statusCode).toBe(404);
    expect((await call(admin, 'PATCH', `${O}/services/LEGALISIR`, { active: true })).json().service.active).toBe(true);
  });

  it('reorders services only with every code once', async () => {
    const codes = ((await call(null, 'GET', `${O}/services?includeInactive=true`)).json().services as { code: string }[]).map((s) => s.code);
    const reversed = [...codes].reverse();
    const res = await call(admin, 'POST', `${O}/services/reorder`, { codes: reversed.map((c) => c.toLowerCase()) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().services.map((s: { code: string }) => s.code)).toEqual(reversed);
    expect(((await call(null, 'GET', `${O}/services`)).json().services as { code: string }[])[0]!.code).toBe(reversed[0]);
    for (const wrong of [codes.slice(1), [...codes, codes[0]!], [...codes.slice(1), 'NOPE']]) {
      const refused = await call(admin, 'POST', `${O}/services/reorder`, { codes: wrong });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.fields.codes.code).toBe('ORDER_MISMATCH');
    }
    const [row] = await audit('service.reorder');
    expect(JSON.parse(row!.after_json!).order).toEqual(reversed);
    expect((await call(admin, 'POST', `${O}/services/reorder`, { codes })).statusCode).toBe(200);
  });

  it('adds and changes counters, and call-next follows a counter’s new services at once', async () => {
    const created = await call(admin, 'POST', `${O}/counters`, { number: 7, name: 'Loket Akta', services: ['akta-lahir'] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().counter).toEqual({ number: 7, name: 'Loket Akta', active: true, paused: false, services: ['AKTA-LAHIR'] });
    const taken = await call(admin, 'POST', `${O}/counters`, { number: 7, name: 'Lagi' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('COUNTER_NUMBER_TAKEN');
    const bad = await call(admin, 'POST', `${O}/counters`, { number: 1000, name: ' ', services: ['NOPE'] }, 'en');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toMatchObject({ number: { code: 'COUNTER_NUMBER_INVALID' }, name: { code: 'REQUIRED' } });
    const unknown = await call(admin, 'POST', `${O}/counters`, { number: 8, name: 'Loket 8', services: ['NOPE'] });
    expect(unknown.json().error.fields.services.code).toBe('UNKNOWN_SERVICE');

    const kk = await bookForWednesday('KK', wednesdayAt('07:00'));
    const akta = await bookForWednesday('AKTA-LAHIR', wednesdayAt('07:00'));
    const desk = await logInStaff(rt, 'desk');
    const counterStaff = await logInStaff(rt, 'counter');
    rt.setNow(wednesdayAt('07:45'));
    for (const b of [kk, akta]) expect((await call(desk, 'POST', `${O}/check-ins`, { code: b.json().booking.code })).statusCode).toBe(200);
    // Counter 7 serves birth certificates only, so it skips the earlier KK arrival.
    const first = await call(counterStaff, 'POST', `${O}/counters/7/call-next`);
    expect(first.json().ticket.code).toBe(akta.json().booking.code);
    await call(counterStaff, 'POST', `${O}/counters/7/start`);
    await call(counterStaff, 'POST', `${O}/counters/7/finish`);
    expect((await call(counterStaff, 'POST', `${O}/counters/7/call-next`)).statusCode).toBe(204);
    const changed = await call(admin, 'PATCH', `${O}/counters/7`, { services: ['KK'], name: 'Loket KK' });
    expect(changed.json().counter).toMatchObject({ name: 'Loket KK', services: ['KK'] });
    expect((await call(counterStaff, 'POST', `${O}/counters/7/call-next`)).json().ticket.code).toBe(kk.json().booking.code);

    const list = (await call(counterStaff, 'GET', `${O}/counters`)).json().counters as { number: number; services: string[] }[];
    expect(list.find((c) => c.number === 7)?.services).toEqual(['KK']);
    expect(list.find((c) => c.number === 1)?.services).toEqual([]);
    await call(admin, 'PATCH', `${O}/counters/8`, { active: false });
    expect((await call(admin, 'PATCH', `${O}/counters/99`, { active: false })).statusCode).toBe(404);
    expect((await call(admin, 'PATCH', `${O}/counters/2`, { active: false })).json().counter.active).toBe(false);
    expect(((await call(counterStaff, 'GET', `${O}/counters`)).json().counters as { number: number }[]).map((c) => c.number)).not.toContain(2);
    expect(((await call(admin, 'GET', `${O}/counters?includeInactive=true`)).json().counters as { number: number }[]).map((c) => c.number)).toContain(2);
    const updates = await audit('counter.update');
    expect(JSON.parse(updates[0]!.before_json!)).toEqual({ number: 7, name: 'Loket Akta', active: true, services: ['AKTA-LAHIR'] });
    expect(JSON.parse(updates[0]!.after_json!)).toEqual({ number: 7, name: 'Loket KK', active: true, services: ['KK'] });
    rt.setNow(wednesdayAt('07:00'));
  });

  it('changes role and office of an account, with field errors for a bad role or office', async () => {
    const desk = await logInStaff(rt, 'desk');
    const moved = await call(admin, 'PATCH', `/api/v1/users/${desk.username}`, { role: 'counter', office: 'kota-depok' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().user).toMatchObject({ role: 'counter', office: 'kota-depok' });
    // The open session follows at once: a counter of Depok is no desk of Bogor.
    expect((await call(desk, 'GET', `${O}/bookings?q=budi`)).statusCode).toBe(403);
    const bad = await call(admin, 'PATCH', `/api/v1/users/${desk.username}`, { role: 'boss', office: 'atlantis' }, 'en');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.role.code).toBe('ROLE_INVALID');
    const office = await call(admin, 'PATCH', `/api/v1/users/${desk.username}`, { office: 'atlantis' }, 'en');
    expect(office.json().error.fields.office).toEqual({ code: 'OFFICE_UNKNOWN', message: 'Choose one of the existing offices.' });
    expect((await call(admin, 'PATCH', '/api/v1/users/nobody-here', { role: 'desk' })).statusCode).toBe(404);
    const [row] = await audit('user.update');
    expect(JSON.parse(row!.before_json!)).toMatchObject({ role: 'desk', officeId: null });
    expect(JSON.parse(row!.after_json!)).toMatchObject({ role: 'counter' });
  });

  it('keeps an office admin to their own office and never lets them make an unrestricted admin', async () => {
    const depokAdmin = await logInStaff(rt, 'admin', { officeSlug: 'kota-depok' });
    const other = await call(depokAdmin, 'POST', `${O}/services`, { code: 'X', nameId: 'X', nameEn: 'X' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OTHER_OFFICE');
    expect((await call(depokAdmin, 'PATCH', `${O}/counters/1`, { name: 'X' })).json().error.code).toBe('OTHER_OFFICE');
    expect((await call(depokAdmin, 'POST', '/api/v1/offices/kota-depok/services', { code: 'KK', nameId: 'Kartu Keluarga', nameEn: 'Family card' })).statusCode).toBe(201);

    const users = (await call(depokAdmin, 'GET', '/api/v1/users')).json().users as { office: string | null }[];
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.office === 'kota-depok')).toBe(true);
    const created = await call(depokAdmin, 'POST', '/api/v1/users', { username: 'depok.admin2', role: 'admin' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { office: 'kota-depok', mustChangePassword: true }, temporaryPassword: expect.stringMatching(/^[a-zA-Z2-9]{20}$/) });
    expect((await call(depokAdmin, 'POST', '/api/v1/users', { username: 'bogor.desk', role: 'desk', office: 'kota-bogor' })).json().error.code).toBe('OTHER_OFFICE');
    expect((await call(depokAdmin, 'PATCH', '/api/v1/users/depok.admin2', { office: null })).json().error.code).toBe('OTHER_OFFICE');
    expect((await call(depokAdmin, 'PATCH', `/api/v1/users/${admin.username}`, { role: 'desk' })).json().error.code).toBe('OTHER_OFFICE');
    for (const action of ['disable', 'reset-password']) {
      expect((await call(depokAdmin, 'POST', `/api/v1/users/${admin.username}/${action}`)).json().error.code, action).toBe('OTHER_OFFICE');
    }
  });

  it('keeps one active admin of every office: no disabling, demoting or tying the last one', async () => {
    const users = (await call(admin, 'GET', '/api/v1/users')).json().users as { username: string; role: string; office: string | null; disabled: boolean }[];
    for (const u of users.filter((x) => x.role === 'admin' && x.office === null && !x.disabled && x.username !== admin.username)) {
      expect((await call(admin, 'POST', `/api/v1/users/${u.username}/disable`)).statusCode).toBe(200);
    }
    for (const change of [{ role: 'desk' }, { office: 'kota-bogor' }]) {
      const res = await call(admin, 'PATCH', `/api/v1/users/${admin.username}`, change);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('LAST_ADMIN');
    }
    expect((await call(admin, 'POST', `/api/v1/users/${admin.username}/disable`)).json().error.code).toBe('LAST_ADMIN');
    // An admin of one office does not count: the office admin above is still there.
    expect((await call(admin, 'POST', '/api/v1/users/admin/enable')).statusCode).toBe(200);
    expect((await call(admin, 'PATCH', `/api/v1/users/${admin.username}`, { role: 'admin', office: null })).statusCode).toBe(200);
  });

  it('resets a password: sessions end, the one-time password must be changed before anything else', async () => {
    const desk = await logInStaff(rt, 'desk');
    const reset = await call(admin, 'POST', `/api/v1/users/${desk.username}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temporary = reset.json().temporaryPassword as string;
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await call(desk, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(desk.username, desk.password)).statusCode).toBe(401);

    const first = await login(desk.username, temporary);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const forced = sessionOf(first, desk.username, temporary);
    const second = sessionOf(await login(desk.username, temporary), desk.username, temporary);
    expect((await call(forced, 'GET', '/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await call(forced, 'GET', `${O}/bookings?q=budi`, undefined, 'en');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('/staff/password') });
    const page = await rt.app.inject({ url: '/staff/desk/kota-bogor', headers: { cookie: forced.cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/staff/password?next=%2Fstaff%2Fdesk%2Fkota-bogor');

    const wrong = await call(forced, 'POST', '/api/v1/auth/password', { currentPassword: 'not-the-one-123', newPassword: 'short' }, 'en');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toEqual({
      currentPassword: { code: 'PASSWORD_WRONG', message: 'The current password is wrong.' },
      newPassword: { code: 'PASSWORD_TOO_SHORT', message: 'A password needs at least 10 characters.' },
    });
    const same = await call(forced, 'POST', '/api/v1/auth/password', { currentPassword: temporary, newPassword: temporary });
    expect(same.json().error.fields.newPassword.code).toBe('PASSWORD_SAME');
    const done = await call(forced, 'POST', '/api/v1/auth/password', { currentPassword: temporary, newPassword: 'sandi-baru-saya-1' });
    expect(done.statusCode, done.body).toBe(204);
    // This session goes on, now unblocked; the other one has ended.
    expect((await call(forced, 'GET', `${O}/bookings?q=budi`)).statusCode).toBe(200);
    expect((await call(second, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(desk.username, temporary)).statusCode).toBe(401);
    expect((await login(desk.username, 'sandi-baru-saya-1')).json().user.mustChangePassword).toBe(false);

    const rows = await rt.storage.db.selectFrom('audit_log').selectAll().where('subject', '=', desk.username).execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['user.create', 'user.reset_password', 'user.change_password']));
    const everything = JSON.stringify(await rt.storage.db.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain('argon2');
    expect(everything).not.toContain(temporary);
  });

  it('lets every staff member change their own password, keeping this session and ending the others', async () => {
    const counterStaff = await logInStaff(rt, 'counter');
    const elsewhere = sessionOf(await login(counterStaff.username, counterStaff.password), counterStaff.username, counterStaff.password);
    const res = await call(counterStaff, 'POST', '/api/v1/auth/password', { currentPassword: counterStaff.password, newPassword: 'loket-sandi-baru-2' });
    expect(res.statusCode).toBe(204);
    expect((await call(counterStaff, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await call(elsewhere, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await call(null, 'POST', '/api/v1/auth/password', { currentPassword: 'x', newPassword: 'y' })).statusCode).toBe(401);
  });

  it('adds an account with a generated one-time password when none is given', async () => {
    const res = await call(admin, 'POST', '/api/v1/users', { username: 'baru.loket', role: 'counter', office: 'kota-bogor' });
    expect(res.statusCode).toBe(201);
    const temporary = res.json().temporaryPassword as string;
    const first = await login('baru.loket', temporary);
    expect(first.json().user.mustChangePassword).toBe(true);
    const given = await call(admin, 'POST', '/api/v1/users', { username: 'baru.desk', role: 'desk', password: 'sandi-desk-0001' });
    expect(given.json()).toMatchObject({ temporaryPassword: null, user: { mustChangePassword: false } });
  });

  it('keeps the admin pages to admins of the office, and their forms to our own pages', async () => {
    const desk = await logInStaff(rt, 'desk');
    for (const path of ['/staff/admin/services/kota-bogor', '/staff/admin/counters/kota-bogor', '/staff/admin/staff']) {
      expect((await rt.app.inject({ url: path })).statusCode, path).toBe(303);
      expect((await rt.app.inject({ url: path, headers: { cookie: desk.cookie } })).statusCode, path).toBe(403);
      expect((await rt.app.inject({ url: path, headers: { cookie: admin.cookie } })).statusCode, path).toBe(200);
    }
    const depokAdmin = await logInStaff(rt, 'admin', { officeSlug: 'kota-depok' });
    expect((await rt.app.inject({ url: '/staff/admin/services/kota-bogor', headers: { cookie: depokAdmin.cookie } })).statusCode).toBe(403);
    const mine = await rt.app.inject({ url: '/staff/admin/services', headers: { cookie: depokAdmin.cookie } });
    expect(mine.headers.location).toBe('/staff/admin/services/kota-depok');
    const staffPage = await rt.app.inject({ url: '/staff/admin/staff', headers: { cookie: depokAdmin.cookie } });
    expect(staffPage.body).not.toContain(`data-user="${admin.username}"`);
    expect(staffPage.body).not.toContain('Semua kantor</option>');
    const forged = await rt.app.inject({
      method: 'POST',
      url: '/staff/admin/services/kota-bogor/KK/active',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'active=off',
    });
    expect(forged.statusCode).toBe(403);
    expect(((await call(null, 'GET', `${O}/services`)).json().services as { code: string }[]).map((s) => s.code)).toContain('KK');
  });
});
