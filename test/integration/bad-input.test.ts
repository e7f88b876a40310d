import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff, type StaffLogin } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** Percent-encodes the UTF-8 of `s` for a path or query (encodeURIComponent throws on a lone surrogate). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** What no answer may show: a stack trace or a source path. */
const LEAK = /\n\s+at |node_modules|\.ts:\d+|22021|invalid byte sequence/;

describe.each(DIALECTS)('bad input on $name', (dialect) => {
  let rt: TestRuntime;
  let code = '';
  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(1) }) });
    code = res.json().booking.code;
  });
  afterAll(async () => {
    await rt.close();
  });

  const send = (method: 'GET' | 'POST', url: string, payload?: string | object, headers: Record<string, string> = {}) =>
    rt.app.inject({ method, url, payload, headers: typeof payload === 'string' ? { 'content-type': 'application/json', ...headers } : headers });

  it('names every bad field of a booking at once, in Indonesian by default', async () => {
    const res = await send('POST', '/api/v1/bookings', bookingBody({ nik: '1234', name: ' ', phone: '12345', date: '2026-02-31', sessionId: 'x' }));
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('INVALID_INPUT');
    expect(Object.keys(error.fields).sort()).toEqual(['date', 'name', 'nik', 'phone', 'sessionId']);
    expect(error.fields.nik).toMatchObject({ code: 'NIK_FORMAT', message: 'NIK harus 16 digit angka.' });
    expect(error.fields.name.code).toBe('REQUIRED');
  });

  it('explains NIK problems precisely, in English when asked', async () => {
    const cases: [string, string][] = [
      ['0071014501900012', 'NIK_PROVINCE'],
      ['3271013102900012', 'NIK_BIRTH_DATE'],
      ['3271017201900012', 'NIK_BIRTH_DATE'],
      ['3271014501900000', 'NIK_SERIAL'],
    ];
    for (const [nik, problem] of cases) {
      const res = await send('POST', '/api/v1/bookings', bookingBody({ nik }), { 'accept-language': 'en-US,en;q=0.9' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields.nik.code).toBe(problem);
      expect(res.json().error.message).toBe('Please check the marked fields.');
    }
  });

  it('reports missing fields as required', async () => {
    const res = await send('POST', '/api/v1/bookings', {});
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.fields;
    for (const f of ['office', 'date', 'sessionId', 'service', 'nik', 'name', 'phone']) expect(fields[f]?.code).toBe('REQUIRED');
  });

  it('refuses an unknown service and office', async () => {
    const service = await send('POST', '/api/v1/bookings', bookingBody({ service: 'NOPE', nik: nikFor(2) }));
    expect(service.statusCode).toBe(422);
    expect(service.json().error.fields.service.code).toBe('UNKNOWN_SERVICE');
    const office = await send('POST', '/api/v1/bookings', bookingBody({ office: 'atlantis', nik: nikFor(2) }));
    expect(office.statusCode).toBe(404);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await send('POST', '/api/v1/bookings', '{"office": "kota-bogor",');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    const huge = await send('POST', '/api/v1/bookings', JSON.stringify({ ...bookingBody(), name: 'x'.repeat(100_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a JSON array, null or a number as a body with 422', async () => {
    for (const body of ['[]', 'null', '42', '"text"']) {
      const res = await send('POST', '/api/v1/bookings', body);
      expect(res.statusCode, body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, body).toBeLessThan(500);
      expect(res.json().error.code).toBeTruthy();
    }
  });

  it('checks availability parameters', async () => {
    for (const q of ['days=61', 'days=0', 'days=abc', 'from=2026-13-01', 'from=yesterday']) {
      const res = await send('GET', `/api/v1/offices/kota-bogor/availability?${q}`);
      expect(res.statusCode, q).toBe(422);
      expect(res.json().error.code).toBe('INVALID_INPUT');
    }
    expect((await send('GET', '/api/v1/offices/nowhere/availability')).statusCode).toBe(404);
    expect((await send('GET', '/api/v1/offices/nowhere/services')).statusCode).toBe(404);
  });

  it('answers unknown and malformed booking codes without a 500', async () => {
    expect((await send('GET', '/api/v1/bookings/ACDEFGHJK')).statusCode).toBe(404);
    expect((await send('GET', '/api/v1/bookings/not-a-code!')).statusCode).toBe(422);
    const long = await send('GET', `/api/v1/bookings/${'x'.repeat(300)}`);
    expect(long.statusCode).toBe(422);
    expect(long.json().error.code).toBeTruthy();
    expect((await send('POST', `/api/v1/bookings/${code}/cancel`, { nik: 'abc' })).statusCode).toBe(422);
    expect((await send('POST', `/api/v1/bookings/${code}/cancel`, '{')).statusCode).toBe(400);
    expect((await send('POST', `/api/v1/bookings/${code}/reschedule`, { nik: nikFor(1) })).statusCode).toBe(422);
    expect((await send('POST', `/api/v1/bookings/${code}/reschedule`, { nik: nikFor(1), date: '2026-12-05', sessionId: 1 })).statusCode).toBe(409);
  });

  it('answers an unknown address with a JSON 404', async () => {
    const res = await send('GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses a NUL byte or a lone surrogate in a path, query or JSON string with 422 TEXT_INVALID', async () => {
    const requests: [method: 'GET' | 'POST', url: string, payload?: object][] = [
      ['GET', '/api/v1/offices/%00/services'],
      ['GET', '/api/v1/offices/kota-bogor%00/availability'],
      ['GET', '/api/v1/offices/kota-bogor/availability?from=2026-12-02%00'],
      ['GET', '/api/v1/offices/kota-bogor/availability?lang=%00'],
      ['GET', '/api/v1/offices/kota%00bogor/availability/events'],
      ['GET', `/api/v1/bookings/${code}%00`],
      ['POST', '/api/v1/bookings', bookingBody({ office: 'kota-bogor\u0000', nik: nikFor(3) })],
      ['POST', '/api/v1/bookings', bookingBody({ service: 'KTP-BARU\u0000', nik: nikFor(3) })],
      ['POST', '/api/v1/bookings', bookingBody({ name: 'Siti \ud800', nik: nikFor(3) })],
      ['POST', `/api/v1/bookings/${code}/cancel`, { nik: `${nikFor(1)}\u0000` }],
      ['POST', `/api/v1/bookings/${code}/reschedule`, { nik: nikFor(1), date: '2026-12-03', sessionId: 1, extra: '\udc00' }],
      ['POST', '/api/v1/auth/login', { username: 'admin\u0000', password: 'whatever-long' }],
    ];
    for (const [method, url, payload] of requests) {
      const res = await rt.app.inject({ method, url, payload });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(422);
      expect(res.json().error.code).toBe('INVALID_INPUT');
      expect(Object.values(res.json().error.fields as Record<string, { code: string }>).map((f) => f.code)).toContain('TEXT_INVALID');
    }
    // Pages refuse it too, as a page, never a 500.
    for (const url of ['/o/kota%00bogor', `/t/${code}%00`, '/t?code=%00']) {
      const res = await rt.app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const form = await rt.app.inject({
      method: 'POST',
      url: '/o/kota-bogor',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `nik=${nikFor(4)}&name=Siti%00&phone=081234567890&service=KTP-BARU&slot=2026-12-02%7C1`,
    });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
    expect(form.statusCode).toBeLessThan(500);
  });

  it('refuses dates outside the years served with 422 DATE_OUT_OF_RANGE, never a 500', async () => {
    for (const from of ['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01']) {
      const res = await send('GET', `/api/v1/offices/kota-bogor/availability?from=${from}&days=60`);
      expect(res.statusCode, from).toBe(422);
      expect(res.json().error.fields.from.code, from).toBe('DATE_OUT_OF_RANGE');
    }
    const booking = await send('POST', '/api/v1/bookings', bookingBody({ date: '9999-12-31', nik: nikFor(5) }));
    expect(booking.statusCode).toBe(422);
    expect(booking.json().error.fields.date.code).toBe('DATE_OUT_OF_RANGE');
    const moved = await send('POST', `/api/v1/bookings/${code}/reschedule`, { nik: nikFor(1), date: '0000-01-01', sessionId: 1 });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.fields.date.code).toBe('DATE_OUT_OF_RANGE');
    const page = await rt.app.inject({
      method: 'POST',
      url: `/t/${code}/move`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `nik=${nikFor(1)}&slot=9999-12-31%7C1`,
    });
    expect(page.statusCode).toBe(422);
  });

  it('wrote nothing half-way: only the one booking made in setup exists', async () => {
    const rows = await rt.storage.db.selectFrom('bookings').select('code').execute();
    expect(rows.map((r) => r.code)).toEqual([code]);
  });
});

/**
 * Random text with NUL bytes, lone surrogates and far-off dates in every string and date field
 * of the public and staff API: whatever arrives, the answer is never a 5xx and shows no trace.
 */
describe.each(DIALECTS)('fuzzed input on $name', (dialect) => {
  let rt: TestRuntime;
  let desk: StaffLogin;
  let code = '';
  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(1) }) });
    code = res.json().booking.code;
    desk = await logInStaff(rt, 'desk');
  });
  afterAll(async () => {
    await rt.close();
  });

  const poison = fc.constantFrom('\u0000', '\ud800', '\udfff', '\u0000\u0000', '\ufffe', '\u202e', '%00', '\\u0000');
  const nasty = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.tuple(fc.string({ maxLength: 8 }), poison, fc.string({ maxLength: 8 })).map((parts) => parts.join('')),
  );
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const extremeDate = fc.oneof(
    fc.constantFrom('9999-12-31', '0000-01-01', '1999-12-31', '2101-01-01', '2100-12-31', '2026-12-02\u0000', '+275760-09-13', '2026-02-29'),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  );
  /** A field's value: usually valid, sometimes nasty, so that later fields get checked too. */
  const field = (valid: string, bad: fc.Arbitrary<string> = nasty) => fc.oneof({ arbitrary: fc.constant(valid), weight: 2 }, { arbitrary: bad, weight: 1 });
  const sessionId = fc.oneof(fc.constant<number | string>(1), nasty, fc.integer());
  // Invalid UTF-8 in a URL, which no JavaScript string can carry.
  const rawUrlPart = fc.oneof(nasty.map(pct), fc.constantFrom('%ED%A0%80', '%FF', '%C0%80', '%'));
  const staffHeaders = () => ({ cookie: desk.cookie, 'x-csrf-token': desk.csrfToken });

  type Request = { method: 'GET' | 'POST'; url: string; payload?: object | string; headers?: Record<string, string>; staff?: boolean };
  const requests: fc.Arbitrary<Request>[] = [
    fc.tuple(field('kota-bogor').map(pct), fc.oneof(extremeDate, nasty).map(pct), fc.oneof(fc.constant('14'), nasty).map(pct)).map(([slug, from, days]) => ({ method: 'GET', url: `/api/v1/offices/${slug}/availability?from=${from}&days=${days}` })),
    rawUrlPart.map((part) => ({ method: 'GET', url: `/api/v1/offices/${part}/services` })),
    fc.record({ office: field('kota-bogor'), date: field('2026-12-02', extremeDate), sessionId, service: field('KTP-BARU'), nik: field(nikFor(9)), name: field('Siti Rahmawati'), phone: field('081234567890') }).map((payload) => ({ method: 'POST', url: '/api/v1/bookings', payload })),
    rawUrlPart.map((part) => ({ method: 'GET', url: `/api/v1/bookings/${part}` })),
    fc.tuple(field(code).map(pct), field(nikFor(2))).map(([c, nik]) => ({ method: 'POST', url: `/api/v1/bookings/${c}/cancel`, payload: { nik } })),
    fc.tuple(field(code).map(pct), field(nikFor(2)), field('2026-12-03', extremeDate), sessionId).map(([c, nik, date, sid]) => ({ method: 'POST', url: `/api/v1/bookings/${c}/reschedule`, payload: { nik, date, sessionId: sid } })),
    rawUrlPart.map((part) => ({ method: 'GET', url: `/t?code=${part}` })),
    fc.record({ nik: field(nikFor(9)), name: field('Siti Rahmawati'), phone: field('081234567890'), service: field('KTP-BARU'), slot: fc.oneof(field('2026-12-02|1'), extremeDate.map((d) => `${d}|1`)) }).map((form) => ({
      method: 'POST',
      url: '/o/kota-bogor',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: Object.entries(form).map(([k, v]) => `${k}=${pct(v)}`).join('&'),
    })),
    fc.record({ nik: field(nikFor(9)), name: field('Budi Santoso'), phone: field('081234567890'), service: field('KTP-BARU') }).map((payload) => ({ method: 'POST', url: '/api/v1/offices/kota-bogor/walk-ins', payload, staff: true })),
    fc.record({ code: field(code), priority: fc.oneof(fc.constant('elderly'), nasty), overrideReason: nasty }).map((payload) => ({ method: 'POST', url: '/api/v1/offices/kota-bogor/check-ins', payload, staff: true })),
    rawUrlPart.map((q) => ({ method: 'GET', url: `/api/v1/offices/kota-bogor/bookings?q=${q}`, staff: true })),
    fc.record({ date: field('2026-12-03', extremeDate), sessionId, service: field('KTP-BARU'), nik: field(nikFor(9)), name: field('Budi Santoso'), phone: field('081234567890') }).map((payload) => ({ method: 'POST', url: '/api/v1/offices/kota-bogor/bookings', payload, staff: true })),
  ];

  it('never answers 5xx nor shows a stack trace, on the public and the staff API', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...requests), async (r) => {
        const res = await rt.app.inject({ method: r.method, url: r.url, payload: r.payload, headers: { ...r.headers, ...(r.staff ? staffHeaders() : {}) } });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(r.payload)}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        expect(res.body).not.toMatch(LEAK);
      }),
      { numRuns: 150 },
    );
  });
});
