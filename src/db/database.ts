import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type EngineCapabilities, postgresCapabilities, sqliteCapabilities } from './engine.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';
import { CHECKPOINTED_ELSEWHERE_PAGES, startCheckpointer } from './sqlite-checkpointer.js';
import { registerWriteWatch, WriteWatch } from './repositories/write-watch.js';

/** An open database with what its engine can do. */
export interface Storage {
  db: Kysely<Database>;
  engine: EngineCapabilities;
  /** The connection string it was opened with, for processes that need their own connection (LISTEN). */
  url: string;
  close(): Promise<void>;
  /** The connection pool's counts now (PostgreSQL); absent on SQLite, which has one connection. */
  poolUse?: () => { total: number; idle: number; waiting: number };
}

/** How long PostgreSQL may take before a request gives up and is answered 503. */
export interface DatabaseTimeouts {
  /** To open a connection: a server that is down or unreachable must not hang every request. */
  connectMs: number;
  /** For one statement, enforced by the server. */
  statementMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 15_000 };

/**
 * When SQLite makes a commit durable (WAL mode either way). `normal`: a commit is in the
 * write-ahead log, in the operating system's hands, before the answer goes out, so it survives
 * the process being killed; a power loss or kernel crash may lose the last commits before the
 * next checkpoint (never the file's integrity). `full`: the log is also flushed to the disk
 * (fsync) at every commit, so a commit survives power loss too, at about 0.4 ms per commit.
 */
export type SqliteSynchronous = 'normal' | 'full';

export interface OpenOptions {
  /** Connections in the PostgreSQL pool of this process. */
  poolSize?: number;
  timeouts?: Partial<DatabaseTimeouts>;
  /** SQLite only: see `SqliteSynchronous`; `normal` by default. */
  sqliteSynchronous?: SqliteSynchronous;
  /**
   * SQLite files only: checkpoint the write-ahead log from a thread of its own (see
   * startCheckpointer) instead of inside commits. The server does; short commands need not.
   */
  backgroundCheckpoints?: boolean;
  /**
   * `:memory:` only: the database starts as a copy of this image (a database file's bytes, such
   * as one already migrated) instead of empty. Tests open about a thousand in-memory databases a
   * run; migrating each from nothing took some 45 ms of CPU.
   */
  memoryImage?: Buffer;
  /**
   * PostgreSQL only: an open pool (see openPostgresPool) to use instead of opening one; closing
   * the storage leaves it open for whoever opened it, and its own limits stand (`poolSize` and
   * `timeouts` are not applied to it). Tests lend one to the runtimes that use a database one
   * after another: a new connection is a new PostgreSQL process, about 40 ms of PostgreSQL's
   * CPU on the test machine with the catalog entries it loads.
   */
  postgresPool?: pg.Pool;
}

/** A pool of connections to PostgreSQL with the limits every request relies on. */
export function openPostgresPool(url: string, options: Pick<OpenOptions, 'poolSize' | 'timeouts'> & { applicationName?: string } = {}): pg.Pool {
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    // A frozen server never answers, not even to cancel: the client stops waiting a little later.
    query_timeout: timeouts.statementMs + 2_000,
    // A transaction left open by a stuck request would hold its locks (and quota rows) forever.
    idle_in_transaction_session_timeout: timeouts.statementMs * 2,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor may a client in use: the pool stops listening for its errors while it is lent out, and
  // a dropped connection emits one besides failing the query (answered 503). The broken client
  // is not queryable any more, so the pool drops it when it comes back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Opens `postgres://…` on PostgreSQL, `file:PATH` or `:memory:` on SQLite. */
export function openStorage(url: string, options: OpenOptions = {}): Storage {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const lent = options.postgresPool;
    const pool = lent ?? openPostgresPool(url, options);
    // Kysely ends the pool it was given when the storage closes: a lent one stays open.
    const db = watched(new PostgresDialect({ pool: lent ? { connect: () => lent.connect(), end: async () => undefined } : pool }), true);
    const poolUse = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, engine: postgresCapabilities, url, close: () => db.destroy(), poolUse };
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  if (options.memoryImage && path !== ':memory:') throw new Error(`a database image opens only in memory, not as ${path}`);
  // better-sqlite3 opens a Buffer as an in-memory database holding a copy of it.
  const sqlite = new SQLite(options.memoryImage ?? path);
  // A booking answered 201 must survive the process being killed: write-ahead logging with the
  // chosen synchronous level does that (see SqliteSynchronous), and readers never wait on the writer.
  const journal = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (path !== ':memory:' && String(journal).toLowerCase() !== 'wal') {
    sqlite.close();
    throw new Error(`SQLite could not switch ${path} to write-ahead logging (journal_mode is "${String(journal)}"); put the database on a local disk.`);
  }
  const synchronous = options.sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL';
  sqlite.pragma(`synchronous = ${synchronous}`);
  // Another process (a migration, the CLI) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Deleted and replaced content is overwritten with zeros, not left in free pages: personal data
  // that was sealed, erased or rotated must not be readable from the file.
  sqlite.pragma('secure_delete = ON');
  const checkpointer = options.backgroundCheckpoints && path !== ':memory:' ? startCheckpointer(path, synchronous) : undefined;
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${CHECKPOINTED_ELSEWHERE_PAGES}`);
  const db = watched(new SqliteDialect({ database: withStatementCache(sqlite) }), false);
  const close = async () => {
    await checkpointer?.stop();
    await db.destroy();
  };
  return { db, engine: sqliteCapabilities, url, close };
}

/** A Kysely instance whose writes are counted, for the read caches of src/app/shared/read-cache.ts. */
function watched(dialect: Dialect, shared: boolean): Kysely<Database> {
  const watch = new WriteWatch(shared);
  const db = new Kysely<Database>({ dialect, plugins: [watch] });
  registerWriteWatch(db, watch);
  return db;
}

function sqlitePath(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:';
  if (url.startsWith('file:')) return url.slice('file:'.length);
  throw new Error(`DATABASE_URL must start with postgres:// or file: (got "${url.split(':')[0]}:…")`);
}
