import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
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
