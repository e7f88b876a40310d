import { type ColumnDataType, type QueryExecutorProvider, sql } from 'kysely';

/** Which storage engine a database runs on. */
export type EngineName = 'sqlite' | 'postgres';

/**
 * Everything that differs between SQLite and PostgreSQL, named as capabilities, so that
 * repositories and migrations ask "what is a unique violation here" instead of `if (postgres)`.
 */
export interface EngineCapabilities {
  name: EngineName;
  /** Column type of an auto-incrementing integer primary key. */
  autoIdType: ColumnDataType;
  /** Whether this engine's error is a violation of the named unique index. */
  isUniqueViolation(error: unknown, index: UniqueIndex): boolean;
  /** Whether live events can cross processes through the database (LISTEN/NOTIFY). */
  crossProcessEvents: boolean;
  /**
   * Whether several processes can claim rows of a work queue at once, each skipping the rows
   * another holds (`SELECT … FOR UPDATE SKIP LOCKED`). Without it (SQLite) one process does the
   * work, and the database's single writer serialises its claims.
   */
  skipLockedClaims: boolean;
  /**
   * Whether this engine's error means the database is away or too busy for now (down, dropped,
   * locked, timed out), not that the request was wrong: worth a 503 and a retry, not a 500.
   */
  isUnavailable(error: unknown): boolean;
  /**
   * After values were erased: writes the pages back and empties the write-ahead log, where old
   * copies of the pages would otherwise keep them (SQLite in WAL mode, with `secure_delete`
   * zeroing freed space in the pages). Nothing on PostgreSQL, whose old row versions (auto)vacuum
   * reclaims.
   */
  flushErasedPages(db: QueryExecutorProvider): Promise<void>;
  /**
   * Rewrites the tables that hold personal data so that the bytes of values just replaced
   * (clear values sealed, or values sealed with a retired key) do not linger in free space or
   * the journal. SQLite: VACUUM, then the WAL checkpointed and truncated (the connection also
   * runs with `secure_delete`). PostgreSQL: VACUUM FULL of those tables, which writes them anew
   * and drops the old files.
   */
  eraseFreedSpace(db: QueryExecutorProvider): Promise<void>;
  /**
   * Makes transactions that name the same `key` run one after another from this call to their
   * end, for rules that count rows no unique index guards (a phone number's bookings this
   * month). PostgreSQL: a transaction-level advisory lock on a 64-bit hash of the key (two keys
   * sharing a hash only wait for each other). SQLite: nothing, its one writer already runs
   * transactions one after another. Call it within a transaction, before the count.
   */
  lockWithinTransaction(trx: QueryExecutorProvider, key: string): Promise<void>;
}

// The tables whose rows carry sealed personal data.
const PERSONAL_TABLES = ['bookings', 'outbox_messages', 'whatsapp_unreachable', 'draw_entries'];

/** A unique index by its PostgreSQL name and the `table.column` list SQLite reports instead. */
export interface UniqueIndex {
  name: string;
  sqliteColumns: string;
}

function hasField(error: unknown, field: string): error is Record<string, unknown> {
  return typeof error === 'object' && error !== null && field in error;
}

/** How long emptying the write-ahead log is tried again while other connections keep it busy. */
const EMPTY_LOG_DEADLINE_MS = 10_000;

/**
 * Copies SQLite's write-ahead log back into the database file and truncates it, so that none of
 * its old frames (previous versions of pages, erased personal data among them) survive. SQLite
 * answers `busy` at once, having done nothing, while another connection runs a checkpoint, and
 * the server's checkpointer thread runs one every 100 ms: so it is tried again until it is done,
 * and an error if other connections keep it busy past the deadline.
 */
export async function emptySqliteLog(db: QueryExecutorProvider): Promise<void> {
  const deadline = Date.now() + EMPTY_LOG_DEADLINE_MS;
  for (;;) {
    const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    if (!rows[0]?.busy) return;
    if (Date.now() > deadline) throw new Error(`SQLite's write-ahead log could not be emptied: other connections kept it busy for ${EMPTY_LOG_DEADLINE_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sqliteCapabilities: EngineCapabilities = {
  name: 'sqlite',
  autoIdType: 'integer',
  // SQLite names the columns, not the index: "UNIQUE constraint failed: bookings.office_id, bookings.nik".
  isUniqueViolation: (error, index) =>
    hasField(error, 'code') &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') &&
    String(error.message).includes(index.sqliteColumns),
  crossProcessEvents: false,
  skipLockedClaims: false,
  flushErasedPages: emptySqliteLog,
  async eraseFreedSpace(db) {
    await emptySqliteLog(db);
    await sql`VACUUM`.execute(db);
    await emptySqliteLog(db);
  },
  lockWithinTransaction: async () => undefined,
  // The busy timeout ran out behind another writer, or the file cannot be opened or read.
  isUnavailable: (error) =>
    hasField(error, 'code') && typeof error.code === 'string' && /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR)/.test(error.code),
};

// Node's socket errors when the server cannot be reached or drops the connection.
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
// SQLSTATEs of a server that is away or refusing for now: 08 connection exceptions, 57P0x shutdown
// and cannot-connect-now, 57014 statement timeout, 53300 too many connections, 3D000 the database
// is gone, 55000 it does not allow connections (an operator is working on it).
const UNAVAILABLE_SQLSTATES = /^(08...|57P0.|57014|53300|3D000|55000)$/;
// node-postgres reports its own timeouts and lost connections as plain errors with these words.
const PG_CLIENT_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error/i;

export const postgresCapabilities: EngineCapabilities = {
  name: 'postgres',
  autoIdType: 'serial',
  isUniqueViolation: (error, index) =>
    hasField(error, 'code') && error.code === '23505' && error.constraint === index.name,
  crossProcessEvents: true,
  skipLockedClaims: true,
  flushErasedPages: async () => undefined,
  async eraseFreedSpace(db) {
    await sql`VACUUM FULL ${sql.join(PERSONAL_TABLES.map((t) => sql.table(t)))}`.execute(db);
  },
  async lockWithinTransaction(trx, key) {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  },
  isUnavailable: (error) => {
    if (hasField(error, 'code') && typeof error.code === 'string' && (NETWORK_ERRORS.has(error.code) || UNAVAILABLE_SQLSTATES.test(error.code))) return true;
    return error instanceof Error && PG_CLIENT_MESSAGES.test(error.message);
  },
};

/** Whether an error from either engine means the database is away for now (see `isUnavailable`). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return sqliteCapabilities.isUnavailable(error) || postgresCapabilities.isUnavailable(error);
}
