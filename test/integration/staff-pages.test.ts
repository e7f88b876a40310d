import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/staff/commands/add-user.js';
import type { Role } from '../../src/domain/staff-role.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const wednesdayAt = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+07:00`);

/** A browser's view of the staff pages: its cookie and the CSRF token its pages carry. */
interface PageSession {
  cookie: string;
  csrf: string;
}

describe.each(DIALECTS)('the staff pages without scripts on $name', (dialect) => {
  let rt: TestRuntime;
  let serial = 0;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { now: wednesdayAt('08:00') });
  });
  afterAll(async () => {
    await rt.close();
  });

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  async function account(role: Role, officeSlug?: string) {
    serial += 1;
    const username = `${role}-${serial}`;
    const password = `kata-sandi-${serial}-${role}`;
    await addUser(rt.ctx, { username, password, role, officeSlug });
    return { username, password };
  }

  /** Logs in through the login form, as a browser without scripts would. */
  async function logInPage(role: Role, next?: string, officeSlug?: string): Promise<{ session: PageSession; location: string }> {
    const who = await account(role, officeSlug);
    const res = await rt.app.inject({ method: 'POST', url: '/staff/login', headers: FORM, payload: form({ ...who, ...(next ? { next } : {}) }), remoteAddress: `203.0.113.${serial}` });
    expect(res.statusCode, res.body).toBe(303);
    const cookie = `antrean_session=${res.cookies.find((c) => c.name === 'antrean_session')?.value}`;
    const page = await rt.app.inject({ url: '/staff', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return { session: { cookie, csrf }, location: String(res.headers.location) };
  }

  async function bookForToday(sessionIndex = 0): Promise<{ code: string; queueNumber: string }> {
    const then = wednesdayAt('08:00');
    rt.setNow(new Date('2026-12-01T02:00:00Z'));
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    const sessionId = avail.json().days[0].sessions[sessionIndex].id;
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId, nik: nikFor(4000 + serial++) }) });
    rt.setNow(then);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().booking;
  }

  it('sends each role to its own page after logging in', async () => {
    expect((await logInPage('desk')).location).toBe('/staff/desk/kota-bogor');
    expect((await logInPage('counter')).location).toBe('/staff/counter/kota-bogor');
    expect((await logInPage('display')).location).toBe('/display/kota-bogor');
    expect((await logInPage('admin')).location).toBe('/staff');
  });

  it('leads back to the page asked for, but never to another host', async () => {
    expect((await logInPage('desk', '/staff/desk/kota-bogor/walk-in')).location).toBe('/staff/desk/kota-bogor/walk-in');
    expect((await logInPage('desk', '//evil.example/staff')).location).toBe('/staff/desk/kota-bogor');
    expect((await logInPage('desk', 'https://evil.example/')).location).toBe('/staff/desk/kota-bogor');
  });

  it('redirects a visitor without a session to the login page and back', async () => {
    for (const url of ['/staff', '/staff/desk/kota-bogor', '/staff/counter/kota-bogor/1', '/display/kota-bogor']) {
      const res = await rt.app.inject({ url });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/staff/login?next=${encodeURIComponent(url)}`);
    }
    const login = await rt.app.inject({ url: '/staff/login?next=%2Fdisplay%2Fkota-bogor' });
    expect(login.body).toContain('name="next" value="/display/kota-bogor"');
  });

  it('refuses a wrong password in words and keeps the username', async () => {
    const who = await account('desk');
    const res = await rt.app.inject({ method: 'POST', url: '/staff/login', headers: FORM, payload: form({ username: who.username, password: 'salah-sekali-123' }), remoteAddress: '198.18.0.9' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Nama pengguna atau kata sandi salah.');
    expect(res.body).toContain(`value="${who.username}"`);
    expect(res.cookies.find((c) => c.name === 'antrean_session')).toBeUndefined();
  });

  it('tells a role it is on the wrong page, as a page', async () => {
    const { session } = await logInPage('display');
    const res = await rt.app.inject({ url: '/staff/desk/kota-bogor', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Halaman ini bukan untuk akun Anda');
    // Every role may watch the board; only desk and admin use the desk.
    for (const role of ['desk', 'counter', 'admin'] as const) {
      const s = (await logInPage(role)).session;
      expect((await rt.app.inject({ url: '/display/kota-bogor', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    }
  });

  it('refuses a form post without the page\'s token', async () => {
    const { session } = await logInPage('desk');
    const b = await bookForToday();
    const res = await rt.app.inject({ method: 'POST', url: '/staff/desk/kota-bogor/check-in', headers: { ...FORM, cookie: session.cookie }, payload: form({ code: b.code }) });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formulir kedaluwarsa');
    const status = await rt.app.inject({ url: `/api/v1/bookings/${b.code}` });
    expect(status.json().booking.status).toBe('booked');
  });

  it('keeps an account of another office off this office\'s pages', async () => {
    // The default office is the only one; an account tied to it works, the page of an unknown office is 404.
    const { session } = await logInPage('desk', undefined, 'kota-bogor');
    expect((await rt.app.inject({ url: '/staff/desk/kota-bogor', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    const other = await rt.app.inject({ url: '/staff/desk/kota-lain', headers: { cookie: session.cookie } });
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('text/html');
  });

  it('checks in, calls, skips and requeues through plain forms', async () => {
    const desk = (await logInPage('desk')).session;
    const counter = (await logInPage('counter')).session;
    const b = await bookForToday();
    const post = (s: PageSession, url: string, fields: Record<string, string> = {}) =>
      rt.app.inject({ method: 'POST', url, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, ...fields }) });

    const checked = await post(desk, '/staff/desk/kota-bogor/check-in', { code: b.code.toLowerCase(), priority: 'disability' });
    expect(checked.statusCode).toBe(303);
    expect(checked.headers.location).toBe(`/staff/desk/kota-bogor?ok=checked_in&ticket=${b.code}`);
    const shown = await rt.app.inject({ url: String(checked.headers.location), headers: { cookie: desk.cookie } });
    expect(shown.body).toContain(`Check-in berhasil: ${b.queueNumber}`);
    expect(shown.body).toContain('Prioritas: Penyandang disabilitas');

    const called = await post(counter, '/staff/counter/kota-bogor/2/call-next');
    expect(called.headers.location).toBe(`/staff/counter/kota-bogor/2?ok=called&q=${b.queueNumber}`);
    const page = await rt.app.inject({ url: String(called.headers.location), headers: { cookie: counter.cookie } });
    expect(page.body).toContain(`${b.queueNumber} dipanggil.`);
    expect(page.body).toContain('data-current>' + b.queueNumber);
    const busy = await post(counter, '/staff/counter/kota-bogor/2/call-next');
    expect(busy.statusCode).toBe(409);
    expect(busy.body).toContain(`Loket ini masih menangani nomor ${b.queueNumber}`);

    expect((await post(counter, '/staff/counter/kota-bogor/2/skip')).statusCode).toBe(303);
    const requeued = await post(desk, '/staff/desk/kota-bogor/requeue', { code: b.code });
    expect(requeued.headers.location).toBe(`/staff/desk/kota-bogor?ok=requeued&ticket=${b.code}`);
    expect((await post(counter, '/staff/counter/kota-bogor/2/call-next')).headers.location).toContain(`q=${b.queueNumber}`);
    await post(counter, '/staff/counter/kota-bogor/2/skip');
    const twice = await post(desk, '/staff/desk/kota-bogor/requeue', { code: b.code });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Nomor ini sudah pernah dikembalikan ke antrean.');
  });

  it('books a walk-in for the next open day and shows its receipt with the QR code', async () => {
    const desk = (await logInPage('desk')).session;
    const res = await rt.app.inject({
      method: 'POST',
      url: '/staff/desk/kota-bogor/walk-in',
      headers: { ...FORM, cookie: desk.cookie },
      payload: form({ _csrf: desk.csrf, nik: nikFor(8888), name: 'Pak Darto', phone: '0813 1111 2222', service: 'KK' }),
    });
    expect(res.statusCode, res.body).toBe(303);
    const receipt = await rt.app.inject({ url: String(res.headers.location), headers: { cookie: desk.cookie } });
    expect(receipt.body).toContain('Kamis, 3 Desember 2026, 08.00–09.00 WIB');
    expect(receipt.body).toMatch(/data-receipt-qr><svg aria-hidden="true"/);
    expect(receipt.body).not.toContain(nikFor(8888));
    expect(receipt.headers['cache-control']).toBe('no-store');
  });

  it('logs out and ends the session', async () => {
    const { session } = await logInPage('desk');
    const res = await rt.app.inject({ method: 'POST', url: '/staff/logout', headers: { ...FORM, cookie: session.cookie }, payload: form({ _csrf: session.csrf }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/login');
    expect((await rt.app.inject({ url: '/staff/desk/kota-bogor', headers: { cookie: session.cookie } })).statusCode).toBe(303);
  });
});
