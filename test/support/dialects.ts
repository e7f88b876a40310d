import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import { openStorage } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { PostgresDatabases } from './postgres-databases.js';

/** A storage engine the integration suite runs on, and how to get a fresh database on it. */
export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /**
   * A new database with no rows of its own; `drop` is done with it. On SQLite it has no schema
   * yet; on PostgreSQL it may already be at the latest schema (a runtime's migration then has
   * nothing to do). `empty` asks for one without any schema, for migration tests.
   * `crossProcess` asks for one that another process (a CLI, a second server) can open too: a
   * temporary file on SQLite instead of memory.
   */
  freshDatabase(opts?: { crossProcess?: boolean; empty?: boolean }): Promise<FreshDatabase>;
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
  /** In memory on SQLite: the migrated schema to start from (`RuntimeOptions.sqliteMemoryImage`). */
  memoryImage?: Buffer;
  /** On PostgreSQL: the worker's pool for this database, lent to the runtime (`RuntimeOptions.postgresPool`). */
  pool?: pg.Pool;
}

/**
 * An in-memory database migrated to the latest schema, as a database file's bytes: made once per
 * worker, then each in-memory runtime starts from a copy instead of migrating (about 45 ms of
 * CPU each, a thousand times a run). The runtime still runs its migrations, which find nothing
 * left to do.
 */
let migratedImage: Promise<Buffer> | undefined;

async function makeMigratedImage(): Promise<Buffer> {
  const storage = openStorage(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'antrean-image-'));
  try {
    await migrateToLatest(storage);
    const file = join(dir, 'migrated.sqlite');
    await sql`VACUUM INTO ${file}`.execute(storage.db);
    return readFileSync(file);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sqlite: TestDialect = {
  name: 'sqlite',
  async freshDatabase(opts = {}) {
    if (!opts.crossProcess) {
      if (opts.empty) return { url: ':memory:', drop: async () => undefined };
      migratedImage ??= makeMigratedImage();
      return { url: ':memory:', memoryImage: await migratedImage, drop: async () => undefined };
    }
    const dir = mkdtempSync(join(tmpdir(), 'antrean-test-'));
    return { url: `file:${join(dir, 'antrean.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgres(adminUrl: string): TestDialect {
  const databases = new PostgresDatabases(adminUrl);
  return {
    name: 'postgres',
    // One database per runtime: tests never see each other's rows (see postgres-databases.ts).
    freshDatabase: (opts = {}) => databases.fresh({ empty: opts.empty }),
  };
}

function dialects(): TestDialect[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
    return [sqlite];
  }
  return [sqlite, postgres(url)];
}

/** Every engine each storage test file loops over: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DIALECTS: TestDialect[] = dialects();

/** The PostgreSQL dialect when configured, for tests that only make sense there (LISTEN/NOTIFY). */
export const POSTGRES: TestDialect | undefined = DIALECTS.find((d) => d.name === 'postgres');
