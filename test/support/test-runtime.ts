import { Writable } from 'node:stream';
import { createLogger } from '../../src/http/logger.js';
import type { HttpOptions } from '../../src/http/build-app.js';
import type { NotifySettings } from '../../src/notify/transports.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { TEST_DATA_KEY } from './data-key.js';
import type { FreshDatabase, TestDialect } from './dialects.js';
import { TEST_DATABASE_TIMEOUTS } from './postgres-databases.js';

export { TEST_DATA_KEY };

/**
 * Staff passwords hashed with Argon2id at the smallest cost (8 KiB, one pass): the same hashing
 * and checking as production, without its deliberate 25 ms of CPU. Tests make about two thousand
 * hashes a run; src/app/staff/passwords.test.ts pins the standard cost every server uses.
 */
export const TEST_PASSWORD_COST = { memoryKiB: 8, passes: 1 };

/** A Tuesday 09:00 WIB: today is 2026-12-01 in Kota Bogor, the booking window 2 to 15 December. */
export const TUESDAY_MORNING = new Date('2026-12-01T02:00:00Z');

export interface TestRuntime extends Runtime {
  /** Every log line the app wrote, to check what never reaches the logs. */
  logLines: string[];
  /** Moves the app's clock. */
  setNow(now: Date): void;
  /** Lines the runtime announced to the operator (the first admin's password), instead of printing them. */
  announcements: string[];
}

/** A runtime on a fresh database of the dialect, with a settable clock and captured logs. */
export async function startTestRuntime(
  dialect: TestDialect,
  opts: {
    now?: Date;
    http?: Partial<HttpOptions>;
    adminPassword?: string;
    notify?: NotifySettings;
    /** A database to start on instead of a fresh one (it is then not dropped on close), and its data key. */
    database?: { url: string };
    /** The data key (TEST_DATA_KEY by default); null: none, as `npm start` without ANTREAN_DATA_KEY. */
    dataKey?: string | null;
    /**
     * Keep the offices' monthly limits per phone and NIK (4 each by default). Off by default:
     * most tests book many times with one phone (`bookingBody`); test/integration/fair-booking.test.ts turns them on.
     */
    personLimits?: boolean;
  } = {},
): Promise<TestRuntime> {
  const database: FreshDatabase = opts.database ? { url: opts.database.url, drop: async () => undefined } : await dialect.freshDatabase();
  let now = opts.now ?? TUESDAY_MORNING;
  const logLines: string[] = [];
  const announcements: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const runtime = await startRuntime({
    databaseUrl: database.url,
    sqliteMemoryImage: database.memoryImage,
    postgresPool: database.pool,
    logger: createLogger('info', sink),
    now: () => now,
    adminPassword: opts.adminPassword,
    dataKey: opts.dataKey === null ? undefined : (opts.dataKey ?? TEST_DATA_KEY),
    notify: opts.notify,
    databaseTimeouts: TEST_DATABASE_TIMEOUTS,
    announce: (line) => announcements.push(line),
    passwordCost: TEST_PASSWORD_COST,
    http: {
      bookingRateLimitPerMinute: 10_000,
      apiRateLimitPerMinute: 100_000,
      loginRateLimitPerMinute: 10_000,
      lookupRateLimitPerMinute: 10_000,
      lookupMissLimitPerMinute: 10_000,
      // The proof of work is off unless a test turns it on (test/integration/fair-booking.test.ts).
      powDifficulty: 0,
      ...opts.http,
    },
  });
  if (!opts.personLimits) await withoutPersonLimits(runtime);
  return {
    ...runtime,
    logLines,
    announcements,
    setNow(next: Date) {
      now = next;
    },
    async close() {
      await runtime.close();
      await database.drop();
    },
  };
}

/**
 * Turns the offices' monthly limits per phone and NIK off: most tests book many times with one
 * phone (`bookingBody`). Offices created later still get the defaults.
 */
export async function withoutPersonLimits(runtime: Pick<Runtime, 'ctx'>): Promise<void> {
  await runtime.ctx.storage.db.updateTable('offices').set({ phone_bookings_per_month: 0, nik_bookings_per_month: 0 }).execute();
}
