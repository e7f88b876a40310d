import { randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/db/database.js';
import { buildApp } from '../../src/http/build-app.js';
import { createLogger } from '../../src/http/logger.js';
import { InProcessBus } from '../../src/realtime/in-process-bus.js';
import { POSTGRES } from '../support/dialects.js';
import { startTestRuntime, TUESDAY_MORNING, type TestRuntime } from '../support/test-runtime.js';

const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

/** Ends every connection to the runtime's database and keeps new ones out, as an outage would. */
async function takeDown(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  } finally {
    await admin.end();
  }
}

describe.skipIf(!POSTGRES)('a database that is away, on postgres', () => {
  let rt: TestRuntime | undefined;
  let storage: Storage | undefined;
  afterEach(async () => {
    await rt?.close();
    await storage?.close();
    rt = undefined;
    storage = undefined;
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After once its connections are terminated, and /healthz 503', async () => {
    rt = await startTestRuntime(POSTGRES!);
    expect((await rt.app.inject({ url: '/api/v1/offices' })).statusCode).toBe(200);
    await takeDown(rt.storage.url);

    for (const url of ['/api/v1/offices', '/api/v1/offices/kota-bogor/availability', '/api/v1/bookings/ACDEFGHJK']) {
      const res = await rt.app.inject({ url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(503);
      expect(res.json().error.code, url).toBe('DATABASE_UNAVAILABLE');
      expect(Number(res.headers['retry-after']), url).toBeGreaterThan(0);
    }
    const page = await rt.app.inject({ url: '/o/kota-bogor' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBeTruthy();
    expect((await rt.app.inject({ url: '/healthz' })).statusCode).toBe(503);
    const ready = await rt.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ready: false, reasons: ['DATABASE_UNAVAILABLE'] });
  });

  it('answers 503 at once when nothing listens where the database should be', async () => {
    // Port 1 on the loopback: the connection is refused, as when PostgreSQL is stopped.
    storage = openStorage('postgres://postgres@127.0.0.1:1/antrean', { timeouts: { connectMs: 1_000 } });
    const bus = new InProcessBus();
    const app = await buildApp({ ctx: { storage, now: () => TUESDAY_MORNING, randomInt, events: bus }, bus, logger: silent });
    const health = await app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(503);
    const api = await app.inject({ url: '/api/v1/offices' });
    expect(api.statusCode).toBe(503);
    expect(api.json().error.code).toBe('DATABASE_UNAVAILABLE');
    await app.close();
  });

  it('ends a statement that runs past the statement timeout with an error counted as unavailable, not a hung request', async () => {
    storage = openStorage(`${process.env.TEST_DATABASE_URL}`, { timeouts: { statementMs: 100 } });
    // A lock held by another session makes the statement wait past its timeout.
    const holder = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(424242)');
      const error = await sql`select pg_advisory_lock(424242)`.execute(storage.db).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as { code?: string }).code).toBe('57014');
      expect(storage.engine.isUnavailable(error)).toBe(true);
    } finally {
      await holder.end();
    }
  });
});
