import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type DatabaseTimeouts, openPostgresPool, openStorage } from '../../src/db/database.js';
import { MIGRATION_NAMES, migrateToLatest } from '../../src/db/migrate.js';

/**
 * Fresh PostgreSQL databases for tests, fast. Making one the plain way (CREATE DATABASE, 19
 * migrations, DROP DATABASE at the end) cost about 2 s per runtime, measured: 0.3 s to create,
 * 0.9 s to migrate, 0.8 s to drop (a drop waits for a checkpoint). Hundreds of runtimes made
 * that the largest part of the suite. Instead:
 *
 * - the migrated schema is built once into a template database named after the schema code
 *   (every file under src/db), shared by every worker and every later run;
 * - a worker copies the template when it has no database to spare (about 0.1–0.3 s);
 * - a database a test is done with is emptied (every table, sequences restarted, the rows the
 *   migrations themselves wrote put back: about 20 ms) and kept for the worker's next test;
 * - each database has a connection pool kept by the worker and lent to every runtime that gets
 *   the database, so its connections (each a PostgreSQL process) outlive the runtimes.
 *
 * A test that needs a database without any schema (a migration test) asks for `empty`: it gets
 * a plain new one, dropped when it is done. A database whose schema a test changed is dropped
 * rather than reused. Every database is named after the vitest process (the workers' parent),
 * so the run's global teardown drops them all, and a later run the ones a killed run left.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Databases of one test run: `antrean_t_<vitest pid>_<random>`. */
const RUN_DATABASE_PREFIX = 'antrean_t_';
const TEMPLATE_PREFIX = 'antrean_tpl_';

/**
 * What test runtimes wait for a connection: a busy machine can keep one waiting longer than
 * production's 5 s, and that is not an outage.
 */
export const TEST_DATABASE_TIMEOUTS: Partial<DatabaseTimeouts> = { connectMs: 30_000 };

/** The `application_name` of the pools kept per database: emptying a database spares their idle connections. */
const KEPT_POOL = 'antrean-test-kept';

export interface FreshDatabase {
  url: string;
  /** The worker's pool for this database, for the runtime to use (not end); kept while the database is. */
  pool?: pg.Pool;
  drop(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Changes with any file the schema is made from, so an edited migration gets a template of its own. */
function schemaHash(): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(join(ROOT, 'src/db')).filter((f) => !f.endsWith('.test.ts')).sort()) {
    hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function urlOf(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What emptying a database copied from the template takes, read once from the template's first copy. */
interface Reset {
  sql: string;
  tableCount: number;
}

export class PostgresDatabases {
  private template: Promise<string> | undefined;
  private reset: Promise<Reset> | undefined;
  /** Emptied databases this worker may hand out again. */
  private readonly spare: string[] = [];
  /**
   * A pool per database of this worker, lent to each runtime that gets the database: a new
   * PostgreSQL connection is a new server process, about 20 ms of PostgreSQL's CPU here and as
   * much again to load the catalog entries of the tables it touches, while a test runtime needs
   * two or three.
   */
  private readonly pools = new Map<string, pg.Pool>();

  constructor(private readonly adminUrl: string) {}

  /** A database at the latest schema with no rows but those the migrations write; `empty`: one with no schema at all. */
  async fresh(opts: { empty?: boolean } = {}): Promise<FreshDatabase> {
    if (opts.empty) {
      const name = this.newName();
      await withClient(this.adminUrl, (c) => c.query(`CREATE DATABASE ${quote(name)}`));
      return { url: urlOf(this.adminUrl, name), drop: () => this.dropDatabase(name) };
    }
    const name = this.spare.pop() ?? (await this.copyTemplate());
    let returned = false;
    return {
      url: urlOf(this.adminUrl, name),
      pool: this.poolOf(name),
      drop: async () => {
        if (returned) return;
        returned = true;
        await this.giveBack(name);
      },
    };
  }

  private poolOf(name: string): pg.Pool {
    let pool = this.pools.get(name);
    if (!pool) this.pools.set(name, (pool = openPostgresPool(urlOf(this.adminUrl, name), { timeouts: TEST_DATABASE_TIMEOUTS, applicationName: KEPT_POOL })));
    return pool;
  }

  /** Runs `fn` on a connection of the database's kept pool; a connection that failed is not kept. */
  private async withPooled<T>(name: string, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const client = await this.poolOf(name).connect();
    try {
      const result = await fn(client);
      client.release();
      return result;
    } catch (error) {
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  private newName(): string {
    return `${RUN_DATABASE_PREFIX}${process.ppid}_${Math.random().toString(36).slice(2, 10)}`;
  }

  private async copyTemplate(): Promise<string> {
    const template = await (this.template ??= this.ensureTemplate());
    const name = this.newName();
    await withClient(this.adminUrl, (c) => c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`));
    // Read while this copy is still as the template made it.
    await (this.reset ??= this.withPooled(name, (c) => this.resetOf(c)));
    return name;
  }

  /**
   * The template of the current schema, built by the first worker that needs it while the
   * others wait on an advisory lock; built under another name and renamed, so nobody copies a
   * half-migrated one.
   */
  private async ensureTemplate(): Promise<string> {
    const name = `${TEMPLATE_PREFIX}${schemaHash()}`;
    await withClient(this.adminUrl, async (c) => {
      await c.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount) return;
        const building = `${name}_building`;
        await c.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${quote(building)}`);
        const storage = openStorage(urlOf(this.adminUrl, building));
        try {
          await migrateToLatest(storage);
        } finally {
          await storage.close();
        }
        await c.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(name)}`);
        await c.query(`ALTER DATABASE ${quote(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      } finally {
        await c.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    });
    return name;
  }

  /**
   * The statements that bring a copy of the template back to how it was copied: every table
   * emptied with its foreign keys not checked (the order would not matter), sequences restarted,
   * and the rows the migrations wrote written again.
   */
  private async resetOf(client: pg.ClientBase): Promise<Reset> {
    const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.name);
    const sequences = (await client.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`)).rows.map((r) => r.name);
    const statements = ['SET LOCAL session_replication_role = replica', 'SET LOCAL synchronous_commit = off'];
    for (const table of tables.filter((t) => !t.startsWith('kysely_migration'))) {
      const rows = (await client.query(`SELECT * FROM ${quote(table)}`)).rows;
      statements.push(`DELETE FROM ${quote(table)}`);
      if (rows.length > 0) {
        const json = JSON.stringify(rows).replace(/'/g, "''");
        statements.push(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, '${json}')`);
      }
    }
    for (const sequence of sequences) statements.push(`ALTER SEQUENCE ${quote(sequence)} RESTART`);
    return { sql: `BEGIN; ${statements.join('; ')}; COMMIT;`, tableCount: tables.length };
  }

  /** Empties a database and keeps it for the next test, or drops it when its schema is not the template's any more. */
  private async giveBack(name: string): Promise<void> {
    // A database a test took down (connections refused) cannot be emptied: it is dropped.
    const reusable = await this.withPooled(name, async (c) => {
      // A server process a test killed may still hold a connection for a moment; the kept pool's idle ones stay.
      await c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND (application_name IS DISTINCT FROM $1 OR state <> 'idle')`,
        [KEPT_POOL],
      );
      const reset = await this.reset;
      if (!reset) return false;
      const migrations = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM kysely_migration').catch(() => ({ rows: [{ n: -1 }] }));
      const tables = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      if (migrations.rows[0]?.n !== MIGRATION_NAMES.length || tables.rows[0]?.n !== reset.tableCount) return false;
      await c.query(reset.sql);
      return true;
    }).catch(() => false);
    if (reusable) this.spare.push(name);
    else await this.dropDatabase(name);
  }

  private async dropDatabase(name: string): Promise<void> {
    const pool = this.pools.get(name);
    this.pools.delete(name);
    await pool?.end().catch(() => undefined);
    await withClient(this.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
  }
}

/**
 * Drops the databases of test runs that are over: those of `vitestPid` when it is given (the
 * run ending), and those of any vitest process no longer alive (a run that was killed).
 */
export async function dropRunDatabases(adminUrl: string, vitestPid?: number): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const names = (await c.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map((r) => r.datname).filter((n) => n.startsWith(RUN_DATABASE_PREFIX));
    const over = names.filter((name) => {
      const pid = Number(name.slice(RUN_DATABASE_PREFIX.length).split('_')[0]);
      return pid === vitestPid || !isAlive(pid);
    });
    // One at a time would wait for a checkpoint each; together they share them.
    await Promise.all(over.map((name) => withClient(adminUrl, (d) => d.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`))));
  });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
