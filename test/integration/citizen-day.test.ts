import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { get } from 'node:http';
import { logInStaff } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.each(DIALECTS)('finding a lost booking code by NIK and phone on $name', (dialect) => {
  let rt: TestRuntime;
  let n = 8100;
  const freshNik = () => nikFor(n++);

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
  });
  afterAll(async () => {
    await rt.close();
  });

  const book = async (nik: string, phone = '0812-3456-7890', date = '2026-12-02') => {
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik, phone, date }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().booking as { code: string };
  };
  const recover = (nik: string, phone: string, remoteAddress = '127.0.0.1') =>
    rt.app.inject({ method: 'POST', url: '/api/v1/bookings/recover', payload: { nik, phone }, remoteAddress });

  it('returns the active bookings of the NIK made with that phone, masked, in any spelling of the number', async () => {
    const nik = freshNik();
    const b = await book(nik, '0812-3456-7890');
    for (const phone of ['081234567890', '+62 812 3456 7890', '62812-3456-7890', '0062 812 3456 7890']) {
      const res = await recover(nik, phone);
      expect(res.statusCode, `${phone}: ${res.body}`).toBe(200);
      const bookings = res.json().bookings as { code: string; nikMasked: string; phoneMasked: string; name: string }[];
      expect(bookings.map((x) => x.code)).toEqual([b.code]);
      expect(bookings[0]).toMatchObject({ nikMasked: `${'*'.repeat(12)}${nik.slice(12)}`, phoneMasked: '6281******890', name: 'Siti Rahmawati' });
      expect(res.body).not.toContain(nik);
      expect(res.body).not.toContain('6281234567890');
    }
  });

  it('answers a wrong NIK and a wrong phone with the same 404', async () => {
    const nik = freshNik();
    await book(nik);
    const wrongPhone = await recover(nik, '0813 0000 1111');
    const wrongNik = await recover(freshNik(), '0812-3456-7890');
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongNik.statusCode).toBe(404);
    expect(wrongPhone.json()).toEqual(wrongNik.json());
    expect(wrongPhone.json().error.code).toBe('NOT_FOUND');
    expect(wrongPhone.json().error.message).toBe('Tidak ada antrean aktif dengan NIK dan nomor WhatsApp ini. Periksa kembali keduanya.');
  });

  it('leaves out cancelled bookings and refuses malformed fields with 422', async () => {
    const nik = freshNik();
    const b = await book(nik);
    const cancel = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${b.code}/cancel`, payload: { nik } });
    expect(cancel.statusCode).toBe(200);
    expect((await recover(nik, '081234567890')).statusCode).toBe(404);
    const bad = await recover('12', '021 555');
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(['nik', 'phone']);
  });

  it('locks after five wrong phones like the other owner checks, refusing even the right one', async () => {
    const nik = freshNik();
    const b = await book(nik);
    for (let i = 0; i < 5; i++) expect((await recover(nik, `0813 0000 ${String(1000 + i)}`)).statusCode).toBe(404);
    const locked = await recover(nik, '081234567890');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('OWNER_CHECK_LOCKED');
    // The code's own owner check shares the count: cancelling online is locked too, the desk is not.
    const cancel = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${b.code}/cancel`, payload: { nik } });
    expect(cancel.statusCode).toBe(423);
  });

  it('gives back an attempt when the phone was right, so an owner who mistypes once is not a step nearer the lock', async () => {
    const nik = freshNik();
    await book(nik);
    for (let round = 0; round < 3; round++) {
      expect((await recover(nik, '0813 0000 1111')).statusCode).toBe(404);
      expect((await recover(nik, '081234567890')).statusCode).toBe(200);
    }
    // Three wrong in all, none returned: two more are allowed before the lock.
    expect((await recover(nik, '0813 0000 2222')).statusCode).toBe(404);
    expect((await recover(nik, '081234567890')).statusCode).toBe(200);
  });

  it('shows the bookings found on /t/lupa, and the same refusal as a page', async () => {
    const nik = freshNik();
    const b = await book(nik);
    const page = await rt.app.inject({ method: 'GET', url: '/t/lupa' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/t/lupa"');
    const found = await rt.app.inject({ method: 'POST', url: '/t/lupa', headers: FORM, payload: form({ nik, phone: '+62 812 3456 7890' }) });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`href="/t/${b.code}"`);
    const wrong = await rt.app.inject({ method: 'POST', url: '/t/lupa', headers: FORM, payload: form({ nik, phone: '0813 0000 9999' }) });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('Tidak ada antrean aktif dengan NIK dan nomor WhatsApp ini.');
    // What was typed is kept.
    expect(wrong.body).toContain('value="0813 0000 9999"');
  });

  it('links the duplicate-NIK refusal to the recovery page', async () => {
    const nik = freshNik();
    await book(nik);
    const again = await rt.app.inject({
      method: 'POST',
      url: '/o/kota-bogor',
      headers: FORM,
      payload: form({ nik, name: 'Siti Rahmawati', phone: '081234567890', service: 'KK', slot: '2026-12-03|1', step: 'confirm' }),
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('href="/t/lupa"');
  });
});

describe.each(DIALECTS)('the review step of the booking form on $name', (dialect) => {
  let rt: TestRuntime;
  let ids: number[] = [];
  let n = 8600;
  const freshNik = () => nikFor(n++);

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    const res = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
    ids = (res.json().days[0].sessions as { id: number }[]).map((s) => s.id);
  });
  afterAll(async () => {
    await rt.close();
  });

  const fields = (over: Record<string, string> = {}) => ({
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
    nik: freshNik(),
    name: 'Dewi Lestari',
    phone: '0812 3456 7890',
    service: 'KTP-BARU',
    slot: `2026-12-02|${ids[2]}`,
    ...over,
  });
  const post = (f: Record<string, string>) => rt.app.inject({ method: 'POST', url: '/o/kota-bogor', headers: FORM, payload: form(f) });
  const remaining = async (date: string, sessionId: number) => {
    const res = await rt.app.inject({ url: `/api/v1/offices/kota-bogor/availability?from=${date}&days=1` });
    return (res.json().days[0].sessions as { id: number; remaining: number }[]).find((s) => s.id === sessionId)?.remaining;
  };

  it('shows office, service, day, hour, name and masked NIK, and takes no place until confirmed', async () => {
    const before = await remaining('2026-12-02', ids[2]!);
    const f = fields();
    const review = await post(f);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('<h1 id="review-title">Periksa lagi</h1>');
    expect(review.body).toContain('Disdukcapil Kota Bogor');
    expect(review.body).toContain('Perekaman KTP-el baru');
    expect(review.body).toContain('Rabu, 2 Desember 2026');
    expect(review.body).toContain('10.00–11.00 WIB');
    expect(review.body).toContain('Dewi Lestari');
    expect(review.body).toContain(`************${f.nik.slice(12)}`);
    // The condition of the service is shown, apart from the documents.
    expect(review.body).toContain('Syarat: Berusia 17 tahun atau lebih, atau sudah/pernah menikah.');
    expect(review.body).toContain('name="step" value="confirm"');
    expect(review.body).toContain(`name="idempotencyKey" value="${f.idempotencyKey}"`);
    expect(await remaining('2026-12-02', ids[2]!)).toBe(before);

    const confirmed = await post({ ...f, step: 'confirm' });
    expect(confirmed.statusCode).toBe(303);
    expect(await remaining('2026-12-02', ids[2]!)).toBe(before! - 1);
    // A second tap on "Ambil nomor" books once.
    const again = await post({ ...f, step: 'confirm' });
    expect(again.headers.location).toBe(confirmed.headers.location);
  });

  it('goes back to the form with everything kept on "Ubah"', async () => {
    const f = fields({ name: 'Budi Santoso', service: 'KK' });
    const res = await post({ ...f, step: 'edit' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="Budi Santoso"');
    expect(res.body).toContain(`value="${f.nik}"`);
    expect(res.body).toContain('<option value="KK" selected>');
    expect(res.body).toContain('data-day="2026-12-02" open');
  });

  it('says so when the time filled meanwhile, and offers the nearest one with places', async () => {
    const f = fields({ slot: `2026-12-04|${ids[1]}` });
    expect((await post(f)).statusCode).toBe(200);
    for (let i = 0; i < 40; i++) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(40_000 + i), date: '2026-12-04', sessionId: ids[1] }) });
      expect(res.statusCode).toBe(201);
    }
    const filled = await post({ ...f, step: 'confirm' });
    expect(filled.statusCode).toBe(409);
    expect(filled.body).toContain('Jam yang Anda pilih baru saja penuh.');
    // 09.00–10.00 is full; 08.00 and 10.00 are as near, and the later one wins.
    expect(filled.body).toContain(`name="slot" value="2026-12-04|${ids[2]}"`);
    expect(filled.body).toContain('10.00–11.00 WIB');
    const taken = await post({ ...f, slot: `2026-12-04|${ids[2]}`, step: 'confirm' });
    expect(taken.statusCode).toBe(303);
  });

  it('refuses an unknown service or a full session before the review', async () => {
    const unknown = await post(fields({ service: 'NOPE' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('id="service-error"');
  });
});

describe('a day at the office without a database per engine', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!, { http: { bookingRateLimitPerMinute: 2 } });
  });
  afterAll(async () => {
    await rt.close();
  });

  it('answers unknown addresses with an HTML page to browsers and JSON to API clients', async () => {
    const browser = await rt.app.inject({ url: '/no/such/page', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(browser.statusCode).toBe(404);
    expect(browser.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(browser.body).toContain('Halaman tidak ditemukan');
    expect(browser.body).toContain('href="/"');
    const client = await rt.app.inject({ url: '/no/such/page', headers: { accept: 'application/json' } });
    expect(client.statusCode).toBe(404);
    expect(client.json().error.code).toBe('ROUTE_NOT_FOUND');
    const api = await rt.app.inject({ url: '/api/v1/nothing', headers: { accept: 'text/html' } });
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('says what happened and when to retry on a 429, with the form as typed', async () => {
    const f = { nik: nikFor(9100), name: 'Rina Wulandari', phone: '0813 1111 2222', service: 'KIA', slot: '2026-12-02|1' };
    const send = () => rt.app.inject({ method: 'POST', url: '/o/kota-bogor', headers: FORM, payload: form(f), remoteAddress: '203.0.113.50' });
    await send();
    await send();
    const limited = await send();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
    const seconds = Number(limited.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(limited.body).toContain(`tunggu ${seconds} detik, lalu kirim lagi`);
    expect(limited.body).not.toContain('terjadi gangguan');
    expect(limited.body).toContain('value="Rina Wulandari"');
    expect(limited.body).toContain('value="0813 1111 2222"');
    expect(limited.body).toContain('<option value="KIA" selected>');
  });

  it('explains a name with a digit, a 9-letter unknown code, and a code not found without repeating itself', async () => {
    const name = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(9200), name: 'Siti 2' }) });
    expect(name.json().error.fields.name.message).toBe('Nama tidak boleh memuat angka. Tulis nama seperti di KTP.');
    const symbol = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(9201), name: 'Siti @ Rahma' }) });
    expect(symbol.json().error.fields.name.code).toBe('NAME_CHARACTERS');
    const lookalike = await rt.app.inject({ url: '/t?code=ABCDEFGHI' });
    expect(lookalike.statusCode).toBe(404);
    expect(lookalike.body).toContain('Tidak ada antrean dengan kode ini.');
    expect(lookalike.body).not.toContain('terdiri dari 9 huruf');
    const short = await rt.app.inject({ url: '/t?code=ACD-EFG' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Kode booking terdiri dari 9 huruf dan angka; yang Anda ketik 6.');
    const unknown = await rt.app.inject({ url: '/t/ACDEFGHJK' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain('Kode booking: Kode booking');
    expect(unknown.body).toContain('Tidak ada antrean dengan kode ini.');
  });

  it('compresses pages, styles and scripts with brotli or gzip, smaller by far, and merges the token stylesheet', async () => {
    const page = await rt.app.inject({ url: '/o/kota-bogor', headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(page.rawPayload).toString('utf8');
    expect(html).toContain('<h1>Ambil antrean</h1>');
    expect(page.rawPayload.length).toBeLessThan(html.length / 3);
    expect(html).not.toContain('tokens.css');
    const cssUrl = /href="(\/static\/citizen\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
    const jsUrl = /src="(\/static\/citizen\.js\?v=[0-9a-f]+)"/.exec(html)?.[1];
    expect(cssUrl).toBeDefined();
    const css = await rt.app.inject({ url: cssUrl!, headers: { 'accept-encoding': 'gzip' } });
    expect(css.headers['content-encoding']).toBe('gzip');
    const cssText = gunzipSync(css.rawPayload).toString('utf8');
    expect(cssText).toContain('--brand:');
    expect(cssText).toContain('.ticket-when');
    expect(css.rawPayload.length).toBeLessThan(cssText.length / 2);
    expect(css.headers['cache-control']).toContain('immutable');
    const js = await rt.app.inject({ url: jsUrl!, headers: { 'accept-encoding': 'gzip' } });
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.rawPayload.length).toBeLessThan(gunzipSync(js.rawPayload).length / 2);
    // Without the header, as sent.
    const plain = await rt.app.inject({ url: '/o/kota-bogor' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses or buffers an event stream', async () => {
    const address = await rt.app.listen({ port: 0, host: '127.0.0.1' });
    // The first bytes arrive as written, readable text, while the stream stays open.
    const { headers, first } = await new Promise<{ headers: Record<string, unknown>; first: string }>((resolve, reject) => {
      const req = get(`${address}/api/v1/offices/kota-bogor/availability/events`, { headers: { accept: 'text/event-stream', 'accept-encoding': 'br, gzip' } }, (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve({ headers: res.headers, first: chunk.toString('utf8') });
          req.destroy();
        });
      });
      req.on('error', reject);
    });
    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(headers['content-encoding']).toBeUndefined();
    expect(first).toContain('retry: ');
  });

  it('keeps the office contact and logo through PATCH and shows them on the home page with the rules', async () => {
    const admin = await logInStaff(rt, 'admin');
    const logo = `data:image/png;base64,${Buffer.from('\x89PNG\r\n\x1a\nfake', 'latin1').toString('base64')}`;
    const patch = (payload: object) =>
      rt.app.inject({ method: 'PATCH', url: '/api/v1/offices/kota-bogor', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, payload });
    const bad = await patch({ contactEmail: 'not an email', logo: 'http://evil.example/logo.png' });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['contactEmail', 'logo']);
    const ok = await patch({ contactPhone: '(0251) 832-1075', contactEmail: 'disdukcapil@kotabogor.go.id', logo });
    expect(ok.statusCode, ok.body).toBe(200);
    const office = ok.json().office;
    expect(office).toMatchObject({ contactPhone: '(0251) 832-1075', contactEmail: 'disdukcapil@kotabogor.go.id' });
    expect(office.logoUrl).toMatch(/^\/o\/kota-bogor\/logo\?v=[0-9a-f]{10}$/);

    const served = await rt.app.inject({ url: office.logoUrl });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(served.headers['content-security-policy']).toContain('sandbox');

    const home = await rt.app.inject({ url: '/' });
    expect(home.body).toContain(`src="${office.logoUrl.replace('&', '&amp;')}"`);
    expect(home.body).toContain('alt="Logo Disdukcapil Kota Bogor"');
    expect(home.body).toContain('href="tel:02518321075"');
    expect(home.body).toContain('href="mailto:disdukcapil@kotabogor.go.id"');
    expect(home.body).toContain('tidak ada pemesanan untuk hari ini');
    expect(home.body).toContain('membantu Anda memesan untuk hari buka berikutnya');
    expect(home.body).toContain('Jam layanan: Senin–Jumat 08.00–14.00 WIB.');
    expect(home.body).toContain('Bawa dokumen asli');
    expect(home.body).toContain('Gratis.');
    expect(home.body).toContain('href="/t/lupa"');

    // The admin's settings page sets the contact too, and keeps the logo.
    const settings = await rt.app.inject({ url: '/staff/admin/offices/kota-bogor', headers: { cookie: admin.cookie } });
    expect(settings.body).toContain('value="(0251) 832-1075"');
    const saved = await rt.app.inject({
      method: 'POST',
      url: '/staff/admin/offices/kota-bogor',
      headers: { cookie: admin.cookie, ...FORM },
      payload: form({
        _csrf: admin.csrfToken, name: 'Disdukcapil Kota Bogor', address: 'Jl. Ir. H. Juanda No. 10, Kota Bogor', contactPhone: '0251 8321075', contactEmail: '',
        timezone: 'Asia/Jakarta', bookingDaysAhead: '14', checkInBeforeMinutes: '30', checkInAfterMinutes: '30', earlyCheckInMinutes: '60', deskSharePercent: '0',
      }),
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const after = (await rt.app.inject({ url: '/api/v1/offices/kota-bogor/settings', headers: { cookie: admin.cookie } })).json().office;
    expect(after).toMatchObject({ contactPhone: '0251 8321075', contactEmail: '', logoUrl: office.logoUrl });

    // The services page edits the condition of a service, shown on the home page apart from its documents.
    const service = await rt.app.inject({
      method: 'POST',
      url: '/staff/admin/services/kota-bogor/KIA',
      headers: { cookie: admin.cookie, ...FORM },
      payload: form({
        _csrf: admin.csrfToken, nameId: 'Kartu Identitas Anak (KIA)', nameEn: 'Child ID card (KIA)', documentsId: 'Kartu Keluarga (KK)\nAkta kelahiran anak', documentsEn: '',
        eligibilityId: 'Untuk anak di bawah 17 tahun.', eligibilityEn: 'For children under 17.', active: 'on',
      }),
    });
    expect(service.statusCode, service.body).toBe(303);
    const edit = await rt.app.inject({ url: '/staff/admin/services/kota-bogor/KIA/edit', headers: { cookie: admin.cookie } });
    expect(edit.body).toContain('value="Untuk anak di bawah 17 tahun."');
    expect((await rt.app.inject({ url: '/' })).body).toContain('Syarat: Untuk anak di bawah 17 tahun.');
    expect((await rt.app.inject({ url: '/?lang=en' })).body).toContain('Who may apply: For children under 17.');

    // Removing the logo: no image, and its address answers 404.
    expect((await patch({ logo: '' })).json().office.logoUrl).toBeNull();
    expect((await rt.app.inject({ url: '/o/kota-bogor/logo' })).statusCode).toBe(404);
  });
});
