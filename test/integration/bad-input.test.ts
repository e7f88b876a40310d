import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

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

  it('wrote nothing half-way: only the one booking made in setup exists', async () => {
    const rows = await rt.storage.db.selectFrom('bookings').select('code').execute();
    expect(rows.map((r) => r.code)).toEqual([code]);
  });
});
