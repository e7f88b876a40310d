import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A storage engine the integration suite runs on, and how to get a fresh, empty database on it. */
export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /**
   * A new empty database; `drop` removes it. `crossProcess` asks for one that another process
   * (a CLI, a second server) can open too: a temporary file on SQLite instead of memory.
   */
  freshDatabase(opts?: { crossProcess?: boolean }): Promise<{ url: string; drop(): Promise<void> }>;
}

const sqlite: TestDialect = {
  name: 'sqlite',
  async freshDatabase(opts = {}) {
    if (!opts.crossProcess) return { url: ':memory:', drop: async () => undefined };
    const dir = mkdtempSync(join(tmpdir(), 'antrean-test-'));
    return { url: `file:${join(dir, 'antrean.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgres(adminUrl: string): TestDialect {
  return {
    name: 'postgres',
    // One database per test file: files never see each other's rows, and dropping is instant.
    async freshDatabase() {
      const name = `antrean_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async drop() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
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
