import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import { checkIn } from '../../src/app/floor/commands/check-in.js';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { type MetricFamily, parseMetrics, sampleValue } from '../support/prometheus.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

async function scrape(rt: TestRuntime): Promise<Map<string, MetricFamily>> {
  const res = await rt.app.inject({ url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(res.body);
}

for (const dialect of DIALECTS) {
  describe(`metrics (${dialect.name})`, () => {
    let rt: TestRuntime;
    beforeAll(async () => {
      rt = await startTestRuntime(dialect);
    });
    afterAll(async () => {
      await rt.close();
    });

    let firstCode = '';
    const placesLeft = (families: Map<string, MetricFamily>, day: 'today' | 'tomorrow', date: string, session: string) =>
      sampleValue(families, 'antrean_places_left', { office: 'kota-bogor', day, date, session });

    it('counts bookings by channel and refusals by reason as they happen, in a parseable text format', async () => {
      const before = await scrape(rt);
      expect(sampleValue(before, 'antrean_bookings_total', { channel: 'online' })).toBe(0);
      expect(sampleValue(before, 'antrean_booking_refusals_total', { reason: 'ALREADY_BOOKED' })).toBeUndefined();

      for (let i = 0; i < 2; i++) {
        const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(i), date: '2026-12-02', sessionId: 2 }) });
        expect(res.statusCode).toBe(201);
        firstCode ||= res.json().booking.code;
      }
      const twice = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(0), date: '2026-12-02', sessionId: 3 }) });
      expect(twice.json().error.code).toBe('ALREADY_BOOKED');
      // 5 December 2026 is a Saturday.
      const closed = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(7), date: '2026-12-05' }) });
      expect(closed.json().error.code).toBe('CLOSED');
      // A mistyped NIK is the form's business, not a refusal by a rule.
      const typo = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: '123' }) });
      expect(typo.statusCode).toBe(422);
      // The desk books through the same use case.
      await book(rt.ctx, { officeSlug: 'kota-bogor', date: '2026-12-02', sessionId: 2, serviceCode: 'KTP-BARU', nik: nikFor(3), name: 'Budi Santoso', phone: '', channel: 'desk' });

      const after = await scrape(rt);
      expect(sampleValue(after, 'antrean_bookings_total', { channel: 'online' })).toBe(2);
      expect(sampleValue(after, 'antrean_bookings_total', { channel: 'desk' })).toBe(1);
      expect(sampleValue(after, 'antrean_booking_refusals_total', { channel: 'online', reason: 'ALREADY_BOOKED' })).toBe(1);
      expect(sampleValue(after, 'antrean_booking_refusals_total', { channel: 'online', reason: 'CLOSED' })).toBe(1);
      expect(after.get('antrean_booking_refusals_total')?.metrics.map((m) => m.labels?.reason).sort()).toEqual(['ALREADY_BOOKED', 'CLOSED']);

      // Places are read from the database at each scrape: tomorrow's session B lost three, C none.
      expect(placesLeft(after, 'tomorrow', '2026-12-02', 'B')).toBe(placesLeft(before, 'tomorrow', '2026-12-02', 'B')! - 3);
      expect(placesLeft(after, 'tomorrow', '2026-12-02', 'C')).toBe(placesLeft(before, 'tomorrow', '2026-12-02', 'C'));
      expect(placesLeft(after, 'today', '2026-12-01', 'B')).toBeGreaterThan(0);
      expect(sampleValue(after, 'antrean_live_figures_ok')).toBe(1);
    });

    it('times requests by route pattern and status, never by the raw URL', async () => {
      // A well-formed code that does not exist (letters from the code alphabet).
      await rt.app.inject({ url: '/api/v1/bookings/ACDEFGHJK' });
      const families = await scrape(rt);
      expect(sampleValue(families, 'antrean_http_requests_total', { method: 'POST', route: '/api/v1/bookings', status: '201' })).toBe(2);
      expect(sampleValue(families, 'antrean_http_requests_total', { method: 'POST', route: '/api/v1/bookings', status: '409' })).toBe(2);
      // The parser keeps a labelled histogram's buckets but drops its labels, count and sum: read those lines as text.
      const text = (await rt.app.inject({ url: '/metrics' })).body;
      expect(text).toContain('antrean_http_request_duration_seconds_count{method="GET",route="/api/v1/bookings/:code",status="404"} 1\n');
      expect(text).toMatch(/^antrean_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/v1\/bookings\/:code",status="404"\} 1$/m);
      const duration = families.get('antrean_http_request_duration_seconds');
      expect(duration?.type).toBe('HISTOGRAM');
      const routes = new Set(families.get('antrean_http_requests_total')?.metrics.map((m) => m.labels?.route));
      expect([...routes].some((r) => r?.includes('ACDEFGHJK'))).toBe(false);
    });

    it('reports the people waiting per service once they check in, on the day itself', async () => {
      expect(sampleValue(await scrape(rt), 'antrean_people_waiting', { office: 'kota-bogor' })).toBeUndefined();
      // Wednesday 2 December, 09:00 WIB: the booked day has come.
      rt.setNow(new Date('2026-12-02T02:00:00Z'));
      await checkIn(rt.ctx, { officeSlug: 'kota-bogor', code: firstCode, actor: { userId: 1 } });
      const families = await scrape(rt);
      expect(sampleValue(families, 'antrean_people_waiting', { office: 'kota-bogor', service: 'KTP-BARU' })).toBe(1);
      expect(placesLeft(families, 'today', '2026-12-02', 'B')).toBeDefined();
    });

    it('reports open event streams, the outbox backlog, the pool on PostgreSQL, and the event loop', async () => {
      const families = await scrape(rt);
      expect(sampleValue(families, 'antrean_sse_connections', { kind: 'public' })).toBe(0);
      expect(sampleValue(families, 'antrean_sse_connections', { kind: 'staff' })).toBe(0);
      expect(families.get('antrean_outbox_backlog')?.type).toBe('GAUGE');
      expect(families.get('nodejs_eventloop_lag_seconds')?.type).toBe('GAUGE');
      expect(families.get('nodejs_eventloop_lag_p99_seconds')).toBeDefined();
      if (dialect.name === 'postgres') {
        expect(sampleValue(families, 'antrean_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
        expect(sampleValue(families, 'antrean_db_pool_waiting')).toBeGreaterThanOrEqual(0);
      } else {
        expect(families.has('antrean_db_pool_connections')).toBe(false);
      }
      expect(sampleValue(families, 'antrean_rate_limits_shared')).toBe(0);
    });
  });
}

describe('who may read the metrics', () => {
  const sqlite = DIALECTS[0]!;

  it('without a token: a scraper on this machine only, not one coming through a proxy or from elsewhere', async () => {
    const rt = await startTestRuntime(sqlite);
    try {
      expect((await rt.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
      expect((await rt.app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
      const proxied = await rt.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(proxied.statusCode).toBe(403);
      expect(proxied.json().error.code).toBe('METRICS_LOCAL_ONLY');
      expect(proxied.body).not.toContain('antrean_');
      expect((await rt.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode).toBe(403);
    } finally {
      await rt.close();
    }
  });

  it('with METRICS_TOKEN: anyone with the bearer token, nobody without it, not even on this machine', async () => {
    const token = 'a-long-enough-metrics-token-123';
    const rt = await startTestRuntime(sqlite, { http: { metricsToken: token } });
    try {
      const bare = await rt.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
      expect(bare.statusCode).toBe(401);
      expect(bare.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await rt.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.statusCode).toBe(401);
      const right = await rt.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.9' } });
      expect(right.statusCode).toBe(200);
      expect(parseMetrics(right.body).has('antrean_bookings_total')).toBe(true);
    } finally {
      await rt.close();
    }
  });

  it('with METRICS=off: there is no /metrics', async () => {
    const rt = await startTestRuntime(sqlite, { http: { metrics: 'off' } });
    try {
      expect((await rt.app.inject({ url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await rt.close();
    }
  });
});

describe('errors in the log', () => {
  it('logs a forced 500 as exactly one error line with the request id and the cause', async () => {
    const rt = await startTestRuntime(DIALECTS[0]!);
    try {
      rt.ctx.randomInt = () => {
        throw new Error('dice fell off the table');
      };
      const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(1) }) });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
      expect(res.body).not.toContain('dice');
      const lines = rt.logLines.map((l) => JSON.parse(l) as { level: number; reqId?: string; err?: { message: string; stack: string }; msg: string });
      const errors = lines.filter((l) => l.level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.reqId).toMatch(/\S/);
      expect(errors[0]?.err?.message).toBe('dice fell off the table');
      expect(errors[0]?.err?.stack).toContain('dice fell off the table');
      // The same request id ties the failure to the request's other lines.
      expect(lines.some((l) => l.reqId === errors[0]?.reqId && l.msg === 'request completed')).toBe(true);
    } finally {
      await rt.close();
    }
  });
});
