import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor, phoneFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe('limits on scripted booking', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!, { http: { bookingRateLimitPerMinute: 3 } });
  });
  afterAll(async () => {
    await rt.close();
  });

  const bookFrom = (address: string, i: number) =>
    rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(i), sessionId: 2 }), remoteAddress: address });

  it('answers 429 with a reason once one address books too fast, and leaves other addresses alone', async () => {
    for (let i = 0; i < 3; i++) expect((await bookFrom('203.0.113.7', i)).statusCode).toBe(201);
    const limited = await bookFrom('203.0.113.7', 3);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await bookFrom('203.0.113.8', 4)).statusCode).toBe(201);
  });

  it('does not count reading availability against the booking limit', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability', remoteAddress: '203.0.113.7' });
      expect(res.statusCode).toBe(200);
    }
  });
});

describe('limits attached to routes, whatever the spelling of the URL', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!, { http: { bookingRateLimitPerMinute: 3, loginRateLimitPerMinute: 3 } });
  });
  afterAll(async () => {
    await rt.close();
  });

  it('counts percent-encoded booking paths against the booking limit', async () => {
    const address = '198.51.100.1';
    const urls = ['/api/v1/%62ookings', '/api/v1/bookings', '/api/v1/%62ookings'];
    for (const [i, url] of urls.entries()) {
      const res = await rt.app.inject({ method: 'POST', url, payload: bookingBody({ nik: nikFor(100 + i), sessionId: 3 }), remoteAddress: address });
      expect(res.statusCode).toBe(201);
    }
    const limited = await rt.app.inject({ method: 'POST', url: '/api/v1/%62ookings', payload: bookingBody({ nik: nikFor(110), sessionId: 3 }), remoteAddress: address });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it('counts percent-encoded cancel and reschedule paths against the booking limit', async () => {
    const address = '198.51.100.2';
    const urls = ['/api/v1/%62ookings/ACDEFGHJK/cancel', '/api/v1/bookings/ACDEFGHJK/%63ancel', '/api/v1/%62ookings/ACDEFGHJK/reschedule'];
    for (const url of urls) {
      const res = await rt.app.inject({ method: 'POST', url, payload: { nik: nikFor(1), date: '2026-12-03', sessionId: 1 }, remoteAddress: address });
      expect(res.statusCode).not.toBe(429);
    }
    const limited = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings/ACDEFGHJK/%72eschedule', payload: { nik: nikFor(1), date: '2026-12-03', sessionId: 1 }, remoteAddress: address });
    expect(limited.statusCode).toBe(429);
  });

  it('counts the booking, cancel and move forms of the pages against the booking limit', async () => {
    const address = '198.51.100.3';
    const posts = ['/o/kota-bogor', '/t/ACDEFGHJK/cancel', '/t/ACDEFGHJK/move'];
    for (const url of posts) {
      const res = await rt.app.inject({ method: 'POST', url, payload: { nik: nikFor(2) }, remoteAddress: address });
      expect(res.statusCode).not.toBe(429);
    }
    const limited = await rt.app.inject({ method: 'POST', url: '/%6F/kota-bogor', payload: { nik: nikFor(2) }, remoteAddress: address });
    expect(limited.statusCode).toBe(429);
  });

  it('limits the staff login page like the API login, sharing one budget per address', async () => {
    const address = '198.51.100.4';
    const form = { username: 'nobody', password: 'wrong-password-1' };
    expect((await rt.app.inject({ method: 'POST', url: '/staff/login', payload: form, remoteAddress: address })).statusCode).toBe(401);
    expect((await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: form, remoteAddress: address })).statusCode).toBe(401);
    expect((await rt.app.inject({ method: 'POST', url: '/staff/%6Cogin', payload: form, remoteAddress: address })).statusCode).toBe(401);
    const limited = await rt.app.inject({ method: 'POST', url: '/staff/login', payload: form, remoteAddress: address });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const api = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: form, remoteAddress: address });
    expect(api.statusCode).toBe(429);
    expect(api.json().error.code).toBe('RATE_LIMITED');
  });
});

describe('limits on guessing booking codes', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!, { http: { lookupRateLimitPerMinute: 4, lookupMissLimitPerMinute: 6 } });
  });
  afterAll(async () => {
    await rt.close();
  });

  it('limits code lookups per address on the pages, the calendar file and the API', async () => {
    const address = '198.51.100.10';
    const urls = ['/t/ACDEFGHJK', '/t/ACDEFGHJK/cancel', '/t/ACDEFGHJK/move', '/t/ACDEFGHJK/calendar.ics'];
    for (const url of urls) expect((await rt.app.inject({ url, remoteAddress: address })).statusCode).toBe(404);
    expect((await rt.app.inject({ url: '/api/v1/bookings/ACDEFGHJK', remoteAddress: address })).statusCode).toBe(429);
    expect((await rt.app.inject({ url: '/%74/ACDEFGHJK', remoteAddress: address })).statusCode).toBe(429);
    expect((await rt.app.inject({ url: '/t/ACDEFGHJK', remoteAddress: '198.51.100.11' })).statusCode).toBe(404);
  });
});

describe('a per-process limit on unknown booking codes', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!, { http: { lookupRateLimitPerMinute: 2, lookupMissLimitPerMinute: 5 } });
  });
  afterAll(async () => {
    await rt.close();
  });

  it('refuses every code lookup for a while once many addresses together tried too many unknown codes', async () => {
    const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(50) }) });
    expect(booked.statusCode).toBe(201);
    const code = booked.json().booking.code as string;
    expect((await rt.app.inject({ url: `/t/${code}`, remoteAddress: '198.51.100.98' })).statusCode).toBe(200);
    const misses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await rt.app.inject({ url: `/api/v1/bookings/ACDEFGHJ${'ACDEFGHJK'[i]}`, remoteAddress: `198.51.100.${20 + i}` });
      misses.push(res.statusCode);
    }
    expect(misses).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
    const known = await rt.app.inject({ url: `/t/${code}`, remoteAddress: '198.51.100.99' });
    expect(known.statusCode).toBe(429);
  });
});

describe('reading draw entries from an address many people share', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    // Five seconds into the release of 15 December: online requests for it enter the draw.
    rt = await startTestRuntime(DIALECTS[0]!, { now: new Date('2026-12-01T00:00:05Z'), http: { lookupRateLimitPerMinute: 4, lookupMissLimitPerMinute: 6 } });
  });
  afterAll(async () => {
    await rt.close();
  });

  it('answers every read of known entries from one address, past the lookup limit, while unknown ids spend the miss budget', async () => {
    const address = '198.51.100.40';
    const entries: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', remoteAddress: address, payload: bookingBody({ date: '2026-12-15', sessionId: 2, nik: nikFor(60 + i), phone: phoneFor(60 + i) }) });
      expect(res.statusCode, res.body).toBe(202);
      entries.push(res.json().entry.id as string);
    }
    // Three entrants behind one carrier address poll and reload their waiting pages: 24 reads against a lookup limit of 4.
    for (let round = 0; round < 4; round++) {
      for (const id of entries) {
        expect((await rt.app.inject({ url: `/api/v1/entries/${id}`, remoteAddress: address })).statusCode).toBe(200);
        expect((await rt.app.inject({ url: `/e/${id}`, remoteAddress: address })).statusCode).toBe(200);
      }
    }
    // A booking code is still read against the address's lookup limit.
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await rt.app.inject({ url: '/t/ACDEFGHJK', remoteAddress: address })).statusCode);
    expect(codes).toEqual([404, 404, 404, 404, 429]);
    // Guessing entry ids from many addresses spends the one miss budget (4 spent above, 6 in all); then every read is refused.
    const misses = [];
    for (let i = 0; i < 3; i++) misses.push((await rt.app.inject({ url: `/api/v1/entries/unknown-entry-${i}`, remoteAddress: `198.51.100.${50 + i}` })).statusCode);
    expect(misses).toEqual([404, 404, 429]);
    expect((await rt.app.inject({ url: `/e/${entries[0]}`, remoteAddress: address })).statusCode).toBe(429);
  });
});
