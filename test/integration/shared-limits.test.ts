import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { parseMetrics, sampleValue } from '../support/prometheus.js';
import { keysUnder, redisAvailable, startRelay, TEST_REDIS_URL, uniqueKeyPrefix } from '../support/redis.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const REDIS = await redisAvailable();
// Well formed, never issued: each lookup is a 404 counted against the lookup limit.
const UNKNOWN_CODE = 'ACDEFGHJK';
const sqlite = DIALECTS[0]!;

/** Polls `check` until it holds or the deadline passes; returns whether it held. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function limitsShared(rt: TestRuntime): Promise<number | undefined> {
  return sampleValue(parseMetrics((await rt.app.inject({ url: '/metrics' })).body), 'antrean_rate_limits_shared');
}

const lookup = (rt: TestRuntime, address: string) => rt.app.inject({ url: `/api/v1/bookings/${UNKNOWN_CODE}`, remoteAddress: address });

const logged = (rt: TestRuntime, text: string) => rt.logLines.filter((l) => l.includes(text));

describe.skipIf(!REDIS)('rate limits shared by several processes through Redis', () => {
  const prefix = uniqueKeyPrefix();
  let database: { url: string; drop(): Promise<void> };
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await sqlite.freshDatabase({ crossProcess: true });
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      LOOKUP_RATE_LIMIT_PER_MINUTE: '4',
      LOOKUP_MISS_LIMIT_PER_MINUTE: '1000',
      ANTREAN_ADMIN_PASSWORD: 'two-processes-admin-password',
    };
    // One after the other: the first migrates the database, the second finds it ready.
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    await keysUnder(prefix, { drop: true });
  });

  it('holds a limit in total over two processes, not per process', async () => {
    for (const server of servers) {
      const shared = await eventually(async () => {
        const text = await (await fetch(`${server.url}/metrics`)).text();
        return sampleValue(parseMetrics(text), 'antrean_rate_limits_shared') === 1;
      });
      expect(shared, server.output()).toBe(true);
    }
    const statuses: number[] = [];
    // Six lookups from one address, alternating between the processes: four pass, in total.
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${servers[i % 2]!.url}/api/v1/bookings/${UNKNOWN_CODE}`);
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(4);
    expect(statuses.slice(4)).toEqual([429, 429]);
    const keys = await keysUnder(prefix);
    expect([...keys.entries()].find(([k]) => k.startsWith(`${prefix}lookup:`))?.[1]).toBe('6');
  });
});

describe('rate limits while Redis is away', () => {
  it('counts per process, books as usual, and warns once', async () => {
    // A port nothing listens on: taken and given back at once.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const address = srv.address();
        srv.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const rt = await startTestRuntime(sqlite, {
      http: { redisUrl: `redis://127.0.0.1:${port}`, redisKeyPrefix: uniqueKeyPrefix(), lookupRateLimitPerMinute: 3, bookingRateLimitPerMinute: 3 },
    });
    try {
      expect(await eventually(() => logged(rt, 'Redis unavailable').length > 0)).toBe(true);
      const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(1) }), remoteAddress: '203.0.113.1' });
      expect(booked.statusCode).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await lookup(rt, '203.0.113.2')).statusCode);
      expect(statuses).toEqual([404, 404, 404, 429]);
      // The booking limit holds too, in this process.
      for (let i = 2; i <= 3; i++) {
        const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(i), sessionId: 3 }), remoteAddress: '203.0.113.1' });
        expect(res.statusCode).toBe(201);
      }
      const fourth = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(4) }), remoteAddress: '203.0.113.1' });
      expect(fourth.statusCode).toBe(429);
      // Requests go on while ioredis keeps trying to reconnect (every 0.1 to 2 s): still one warning.
      const until = Date.now() + 1_500;
      while (Date.now() < until) await lookup(rt, '203.0.113.3');
      expect(logged(rt, 'Redis unavailable')).toHaveLength(1);
      expect(await limitsShared(rt)).toBe(0);
    } finally {
      await rt.close();
    }
  });

  it.skipIf(!REDIS)('goes back to Redis by itself when it returns, and counts there again', async () => {
    const relay = await startRelay();
    const prefix = uniqueKeyPrefix();
    const rt = await startTestRuntime(sqlite, { http: { redisUrl: relay.url, redisKeyPrefix: prefix, lookupRateLimitPerMinute: 3 } });
    try {
      expect(await eventually(async () => (await limitsShared(rt)) === 1)).toBe(true);
      for (let i = 0; i < 2; i++) expect((await lookup(rt, '203.0.113.4')).statusCode).toBe(404);
      expect((await keysUnder(prefix)).get(`${prefix}lookup:203.0.113.4`)).toBe('2');

      await relay.cut();
      expect(await eventually(async () => (await limitsShared(rt)) === 0)).toBe(true);
      const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(5) }), remoteAddress: '203.0.113.5' });
      expect(booked.statusCode).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await lookup(rt, '203.0.113.6')).statusCode);
      expect(statuses).toEqual([404, 404, 404, 429]);
      expect(logged(rt, 'Redis unavailable')).toHaveLength(1);

      await relay.restore();
      expect(await eventually(async () => (await limitsShared(rt)) === 1)).toBe(true);
      expect(logged(rt, 'Redis is back')).toHaveLength(1);
      // The address's two lookups before the outage are still counted in Redis: one more passes.
      expect((await lookup(rt, '203.0.113.4')).statusCode).toBe(404);
      expect((await lookup(rt, '203.0.113.4')).statusCode).toBe(429);
    } finally {
      await rt.close();
      await relay.close();
      await keysUnder(prefix, { drop: true });
    }
  });
});
