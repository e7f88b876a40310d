import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe.each(DIALECTS)('readiness on $name', (dialect) => {
  let rt: TestRuntime | undefined;
  afterEach(async () => {
    await rt?.close();
    rt = undefined;
  });

  it('says ready when the database answers, its migrations are run and no shutdown began', async () => {
    rt = await startTestRuntime(dialect);
    const res = await rt.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ready: true });
    // Liveness stays its own probe.
    expect((await rt.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('says not ready, with the reason, while the process drains', async () => {
    rt = await startTestRuntime(dialect);
    rt.lifecycle.draining = true;
    const res = await rt.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ready: false, reasons: ['DRAINING'] });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Still alive: a draining process is not restarted.
    expect((await rt.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('says not ready while the database lacks a migration this code knows', async () => {
    rt = await startTestRuntime(dialect);
    // As if an older release had migrated the database: its newest migration is not run yet.
    await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(rt.storage.db);
    const res = await rt.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ready: false, reasons: ['MIGRATIONS_PENDING'] });
  });
});
