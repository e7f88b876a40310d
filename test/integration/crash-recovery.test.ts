import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openStorage } from '../../src/db/database.js';
import { DIALECTS } from '../support/dialects.js';
import { bookableSessions, bookingsInDatabase, outcomes, rush } from '../support/rush.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

// Three sessions of 40 places, more citizens than places, and the process killed once this many
// bookings were acknowledged: well inside the rush, with requests in flight on every connection.
const SESSIONS = 3;
const ATTEMPTS = 400;
const CONCURRENCY = 32;
const KILL_AFTER_ACCEPTED = 45;

describe.each(DIALECTS)('a server killed in the middle of a rush, on $name', (dialect) => {
  it('keeps every booking it answered 201, no session over its quota, each queue number once', { timeout: 180_000 }, async () => {
    const database = await dialect.freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'antrean-crash-'));
    const url = dialect.name === 'sqlite' ? `file:${join(dir, 'crash.sqlite')}` : database.url;
    const env = {
      DATABASE_URL: url,
      BOOKING_RATE_LIMIT_PER_MINUTE: '100000',
      API_RATE_LIMIT_PER_MINUTE: '100000',
      LOOKUP_RATE_LIMIT_PER_MINUTE: '100000',
      LOOKUP_MISS_LIMIT_PER_MINUTE: '100000',
    };
    let server: ServerProcess | undefined;
    try {
      server = await startServerProcess(env);
      const first = server;
      const sessions = await bookableSessions(first.url, SESSIONS);
      let killed = false;
      const attempts = await rush({
        baseUrl: () => first.url,
        sessions,
        attempts: ATTEMPTS,
        concurrency: CONCURRENCY,
        onAnswer: (done) => {
          if (!killed && done.filter((a) => a.status === 201).length >= KILL_AFTER_ACCEPTED) {
            killed = true;
            first.kill('SIGKILL');
          }
        },
      });
      expect(killed, outcomes(attempts)).toBe(true);
      expect(await first.exited).toBeNull();
      const acknowledged = attempts.flatMap((a) => (a.status === 201 && a.bookingCode ? [a.bookingCode] : []));
      expect(acknowledged.length, outcomes(attempts)).toBeGreaterThanOrEqual(KILL_AFTER_ACCEPTED);
      // The kill cut requests off: some got no answer at all.
      expect(attempts.some((a) => a.status === 'no answer'), outcomes(attempts)).toBe(true);
      // Nothing but bookings and clean refusals came back before the kill.
      expect(attempts.every((a) => a.status === 201 || a.status === 409 || a.status === 'no answer'), outcomes(attempts)).toBe(true);

      // Started again on the same database, as a supervisor would.
      server = await startServerProcess(env);
      const held = await bookingsInDatabase(url);
      const lost = acknowledged.filter((code) => !held.codes.has(code));
      expect(lost, outcomes(attempts)).toEqual([]);
      for (const s of sessions) expect(held.perSession.get(`${s.date}/${s.id}`) ?? 0).toBeLessThanOrEqual(s.capacity);
      expect(held.repeatedNumbers).toEqual([]);
      // The restarted server finds them too, and goes on taking bookings without giving a number twice.
      for (const code of acknowledged.slice(0, 5)) expect((await fetch(`${server.url}/api/v1/bookings/${code}`)).status).toBe(200);
      const after = await rush({ baseUrl: () => server!.url, sessions, attempts: 150, concurrency: 16, firstCitizen: ATTEMPTS });
      expect(after.every((a) => a.status === 201 || a.status === 409), outcomes(after)).toBe(true);
      const final = await bookingsInDatabase(url);
      for (const s of sessions) expect(final.perSession.get(`${s.date}/${s.id}`)).toBe(s.capacity);
      expect(final.repeatedNumbers).toEqual([]);
    } finally {
      await server?.stop();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite commit settings', () => {
  it('opens a file database in write-ahead-log mode, synchronous NORMAL by default and FULL when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antrean-pragma-'));
    try {
      for (const [asked, level] of [[undefined, 1], ['full', 2]] as const) {
        const storage = openStorage(`file:${join(dir, `${asked ?? 'default'}.sqlite`)}`, { sqliteSynchronous: asked });
        const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(storage.db);
        const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(storage.db);
        await storage.close();
        expect(journal.rows[0]?.journal_mode).toBe('wal');
        expect(synchronous.rows[0]?.synchronous).toBe(level);
      }
      expect(loadConfig({}).sqliteSynchronous).toBe('normal');
      expect(loadConfig({ SQLITE_SYNCHRONOUS: 'full' }).sqliteSynchronous).toBe('full');
      expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(/SQLITE_SYNCHRONOUS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
