import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupCommand } from '../../src/backup-command.js';
import { SqliteFileError, backupSqlite, restoreSqlite } from '../../src/db/sqlite-files.js';
import { runCli } from '../support/cli-process.js';
import { TEST_DATA_KEY } from '../support/data-key.js';
import { bookingBody, nikFor, phoneFor } from '../support/factories.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';


/** Runs `npm run antrean -- …` in its own process, on the given database. */
function cli(args: string[], databaseUrl: string) {
  return runCli(args, { env: { DATABASE_URL: databaseUrl, ANTREAN_DATA_KEY: TEST_DATA_KEY } });
}

/** Every bookable session of the next weeks, by the server's own clock. */
async function bookableSessions(baseUrl: string): Promise<{ date: string; id: number }[]> {
  const res = await fetch(`${baseUrl}/api/v1/offices/kota-bogor/availability?days=30`);
  const { days } = (await res.json()) as { days: { date: string; sessions: { id: number; bookable: boolean }[] }[] };
  return days.flatMap((d) => d.sessions.filter((s) => s.bookable).map((s) => ({ date: d.date, id: s.id })));
}

/** The booking codes an SQLite database file holds. */
function codesIn(file: string): Set<string> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('SELECT code FROM bookings').all() as { code: string }[]).map((r) => r.code));
  } finally {
    db.close();
  }
}

describe('backup and restore of a live SQLite database', () => {
  let dir: string;
  let liveUrl: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'antrean-backup-'));
    liveUrl = `file:${join(dir, 'live.sqlite')}`;
    server = await startServerProcess({ DATABASE_URL: liveUrl, BOOKING_RATE_LIMIT_PER_MINUTE: '100000', API_RATE_LIMIT_PER_MINUTE: '100000' });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies, during a booking rush, every booking answered before the backup started, and the copy restores into a new place', { timeout: 120_000 }, async () => {
    const sessions = await bookableSessions(server.url);
    expect(sessions.length).toBeGreaterThan(5);
    const answered: { code: string; at: number }[] = [];
    let next = 0;
    let rushing = true;
    // Four clients booking one after another, each a new person, spread over the sessions.
    const rush = Array.from({ length: 4 }, async () => {
      while (rushing) {
        const i = next++;
        const session = sessions[i % sessions.length]!;
        const res = await fetch(`${server.url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bookingBody({ date: session.date, sessionId: session.id, nik: nikFor(7000 + i), phone: phoneFor(7000 + i) })),
        });
        const body = (await res.json()) as { booking?: { code: string } };
        if (res.status === 201 && body.booking) answered.push({ code: body.booking.code, at: performance.now() });
      }
    });
    try {
      await expect.poll(() => answered.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
      const backupFile = join(dir, 'backup.sqlite');
      const startedAt = performance.now();
      const backup = await cli(['backup', backupFile], liveUrl);
      expect(backup.out).toContain('Backed up');
      expect(backup.code).toBe(0);
      // The rush went on during the backup: bookings kept being answered while it ran.
      await expect.poll(() => answered.filter((a) => a.at > startedAt).length, { timeout: 30_000 }).toBeGreaterThan(0);
      rushing = false;
      await Promise.all(rush);

      const restoredFile = join(dir, 'restored', 'antrean.sqlite');
      const restore = await cli(['restore', backupFile], `file:${restoredFile}`);
      expect(restore.out).toContain('Restored');
      expect(restore.code).toBe(0);
      const inCopy = codesIn(restoredFile);
      const before = answered.filter((a) => a.at < startedAt);
      expect(before.length).toBeGreaterThanOrEqual(40);
      expect(before.filter((a) => !inCopy.has(a.code))).toEqual([]);
    } finally {
      rushing = false;
      await Promise.all(rush);
    }
  });

  // The refusals below call the command's functions in this process (a command-line start costs
  // seconds on a loaded machine); the lock they meet is the server's, in its own process.
  it('refuses to restore over the database while a server has it open, and leaves it alone', async () => {
    const backupFile = join(dir, 'for-live.sqlite');
    await backupSqlite(liveUrl, backupFile);
    const refusal = await refusalOf(() => restoreSqlite(liveUrl, backupFile, { now: new Date(), accept: () => undefined }));
    expect(refusal).toMatchObject({ code: 'IN_USE' });
    expect(readdirSync(dir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses to restore what is not an Antrean database', async () => {
    const target = `file:${join(dir, 'target', 'antrean.sqlite')}`;
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, just some text long enough to look like a file');
    expect(await refusalOf(() => restoreSqlite(target, junk, { now: new Date(), accept: () => undefined }))).toMatchObject({ code: 'NOT_A_DATABASE' });

    const other = join(dir, 'other.sqlite');
    const db = new SQLite(other);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    expect(await refusalOf(() => restoreSqlite(target, other, { now: new Date(), accept: () => undefined }))).toMatchObject({ code: 'NOT_ANTREAN' });
    expect(existsSync(join(dir, 'target', 'antrean.sqlite'))).toBe(false);
  });

  it('refuses to back up PostgreSQL and names pg_dump instead', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    try {
      expect(await backupCommand([join(dir, 'pg.dump')], 'postgres://antrean@127.0.0.1:1/antrean')).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toContain('pg_dump --format=custom');
  });
});

/** The SqliteFileError a call throws, or undefined when it does not. */
async function refusalOf(run: () => unknown): Promise<SqliteFileError | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof SqliteFileError) return error;
    throw error;
  }
}
