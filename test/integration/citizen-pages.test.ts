import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { nikFor } from '../support/factories.js';
import { openEventStream } from '../support/sse.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(DIALECTS)('citizen pages on $name', (dialect) => {
  let rt: TestRuntime;
  let ids: number[] = [];
  let n = 7000;
  const freshNik = () => nikFor(n++);

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    const res = await rt.app.inject({ method: 'GET', url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    ids = (res.json().days[0].sessions as { id: number }[]).map((s) => s.id);
  });
  afterAll(async () => {
    await rt.close();
  });

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const postForm = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    rt.app.inject({ method: 'POST', url, payload: form(fields), headers: { ...FORM, ...headers } });
  const bookingFields = (over: Record<string, string> = {}) => ({
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
    nik: freshNik(),
    name: 'Dewi Lestari',
    phone: '0812 3456 7890',
    service: 'KTP-BARU',
    slot: `2026-12-02|${ids[0]}`,
    // "Ambil nomor" on the review: the step that books.
    step: 'confirm',
    ...over,
  });

  it('books from the form and redirects to the ticket, with no NIK in the address or the logs', async () => {
    const fields = bookingFields({ nik: '3271014507950031' });
    const res = await postForm('/o/kota-bogor', fields);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/t\/[A-Z0-9]{9}$/);
    const ticket = await rt.app.inject({ method: 'GET', url: String(res.headers.location) });
    expect(ticket.statusCode).toBe(200);
    expect(ticket.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ticket.body).toContain('************0031');
    expect(ticket.body).not.toContain('3271014507950031');
    expect(rt.logLines.join('\n')).not.toContain('3271014507950031');
  });

  it('books once when the same form is sent twice', async () => {
    const fields = bookingFields();
    const [a, b] = await Promise.all([postForm('/o/kota-bogor', fields), postForm('/o/kota-bogor', fields)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
  });

  it('shows the form again with 422, the typed values and each problem at its field', async () => {
    const res = await postForm('/o/kota-bogor', bookingFields({ nik: '3271014501900000', name: '<b>Joko</b>', phone: '021 555 1234', service: '' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="error" id="nik-error">Empat digit terakhir NIK tidak boleh 0000.</p>');
    expect(res.body).toContain('id="phone-error">Masukkan nomor HP Indonesia');
    expect(res.body).toContain('id="service-error">Pilih salah satu layanan yang tersedia.');
    expect(res.body).toContain('value="3271014501900000"');
    // What people type is escaped, never markup.
    expect(res.body).toContain('value="&lt;b&gt;Joko&lt;/b&gt;"');
    expect(res.body).not.toContain('<b>Joko</b>');
  });

  it('says the NIK already holds a booking and how to find it, but not when it is', async () => {
    const nik = freshNik();
    expect((await postForm('/o/kota-bogor', bookingFields({ nik }))).statusCode).toBe(303);
    const res = await postForm('/o/kota-bogor', bookingFields({ nik, slot: `2026-12-03|${ids[1]}` }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('NIK ini sudah memiliki antrean aktif.');
    expect(res.body).not.toContain('08.00–09.00 WIB.');
    expect(res.body).toContain('href="/t"');
  });

  it('refuses a closed day at the session list, naming no field it does not concern', async () => {
    const res = await postForm('/o/kota-bogor', bookingFields({ slot: `2026-12-25|${ids[0]}` }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="error" id="slots-error">Kantor tutup pada tanggal itu.');
    expect(res.body).not.toContain('id="nik-error"');
  });

  it('shows closed days with their reason on the form', async () => {
    rt.setNow(new Date('2026-12-15T02:00:00Z'));
    try {
      const res = await rt.app.inject({ method: 'GET', url: '/o/kota-bogor' });
      expect(res.body).toContain('<span class="day-reason">Libur Nasional: Hari Raya Natal</span>');
      expect(res.body).toContain('<span class="day-reason">Cuti Bersama Hari Raya Natal</span>');
    } finally {
      rt.setNow(new Date('2026-12-01T02:00:00Z'));
    }
  });

  it('tells the hours the desk accepts without a reason: from the early-arrival margin, and when early comers are called', async () => {
    const booked = await postForm('/o/kota-bogor', bookingFields());
    // 30 minutes' window and a 60-minute early margin (the defaults) for the 08.00 session.
    const page = await rt.app.inject({ method: 'GET', url: String(booked.headers.location) });
    expect(page.body).toContain('Mulai pukul 07.00 WIB. Lapor di meja pendaftaran paling lambat pukul');
    expect(page.body).toContain('Jika datang sebelum pukul 07.30 WIB, Anda dipanggil mulai pukul 08.00 WIB.');
    const calendar = await rt.app.inject({ method: 'GET', url: `${booked.headers.location}/calendar.ics` });
    expect(calendar.body.replace(/\r\n /g, '')).toContain('Datang mulai 07.00 WIB');

    // A margin shorter than the window adds nothing: the window's opening, no note.
    await rt.storage.db.updateTable('offices').set({ early_check_in_minutes: 15 }).where('slug', '=', 'kota-bogor').execute();
    try {
      const plain = await rt.app.inject({ method: 'GET', url: String(booked.headers.location) });
      expect(plain.body).toContain('Mulai pukul 07.30 WIB.');
      expect(plain.body).not.toContain('data-arrive-early');
    } finally {
      await rt.storage.db.updateTable('offices').set({ early_check_in_minutes: 60 }).where('slug', '=', 'kota-bogor').execute();
    }
  });

  it('sends a calendar file with CRLF lines in the office\'s zone', async () => {
    const booked = await postForm('/o/kota-bogor', bookingFields());
    const res = await rt.app.inject({ method: 'GET', url: `${booked.headers.location}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="antrean-[A-Z0-9]{9}\.ics"$/);
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.body).toContain('DTSTART;TZID=Asia/Jakarta:20261202T080000\r\n');
    expect(res.body).not.toMatch(/[^\r]\n/);
  });

  it('cancels and moves only with the right NIK', async () => {
    const nik = freshNik();
    const booked = await postForm('/o/kota-bogor', bookingFields({ nik }));
    const ticket = String(booked.headers.location);
    const wrong = await postForm(`${ticket}/move`, { nik: freshNik(), slot: `2026-12-04|${ids[2]}` });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Kode booking dan NIK tidak cocok.');
    const moved = await postForm(`${ticket}/move`, { nik, slot: `2026-12-04|${ids[2]}` });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`${ticket}?ok=moved`);
    const cancelled = await postForm(`${ticket}/cancel`, { nik });
    expect(cancelled.statusCode).toBe(303);
    const again = await postForm(`${ticket}/cancel`, { nik });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Antrean ini sudah tidak bisa diubah.');
  });

  it('answers an unknown office with a page, not JSON', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/o/atlantis' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('Halaman tidak ditemukan');
  });

  it('redirects a ticket address typed loosely to its canonical form', async () => {
    const booked = await postForm('/o/kota-bogor', bookingFields());
    const code = String(booked.headers.location).slice(3);
    const res = await rt.app.inject({ method: 'GET', url: `/t/${code.slice(0, 3).toLowerCase()}-${code.slice(3)}` });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/t/${code}`);
  });

  it('remembers the language chosen with ?lang in a cookie', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(res.body).toContain('<html lang="en">');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lang=en; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    const next = await rt.app.inject({ method: 'GET', url: '/t', headers: { cookie: 'lang=en' } });
    expect(next.body).toContain('Find your booking');
  });

  it('serves the stylesheet and script for a year under a versioned address', async () => {
    const home = await rt.app.inject({ method: 'GET', url: '/' });
    const css = /href="(\/static\/citizen\.css\?v=[0-9a-f]{10})"/.exec(home.body)?.[1];
    expect(css).toBeDefined();
    const res = await rt.app.inject({ method: 'GET', url: css! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('gives the booking page\'s script the words for places from the server, in the page\'s language', async () => {
    const page = (await rt.app.inject({ url: '/o/kota-bogor?lang=en' })).body;
    const url = /data-availability="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(url).toContain('lang=en');
    const days = (await rt.app.inject({ url: url! })).json().days as { date: string; label: string | null; sessions: { id: number; label: string }[] }[];
    const day = days.find((d) => d.sessions.length > 0)!;
    const dayLeft = new RegExp(`data-day="${day.date}"[\\s\\S]*?data-day-left>([^<]*)<`).exec(page)?.[1];
    expect(day.label).toBe(dayLeft);
    expect(day.label).toMatch(/places left$/);
    for (const s of day.sessions) {
      const slotLeft = new RegExp(`data-slot="${day.date}\\|${s.id}"[^>]*>[\\s\\S]*?class="slot-left">([^<]*)<`).exec(page)?.[1];
      expect(s.label).toBe(slotLeft);
    }
  });

  it('streams an availability event when a place is taken', async () => {
    const address = await rt.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openEventStream(`${address}/api/v1/offices/kota-bogor/availability/events`, {});
    try {
      expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
      const booked = await postForm('/o/kota-bogor', bookingFields({ slot: `2026-12-08|${ids[3]}` }));
      expect(booked.statusCode).toBe(303);
      const event = await stream.next((e) => e.event === 'availability');
      expect(event.data).toEqual({ date: '2026-12-08', sessionId: ids[3] });
    } finally {
      stream.close();
    }
  });
});
