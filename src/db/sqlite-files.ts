import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { MIGRATION_NAMES } from './migrate.js';

/**
 * Backups and restores of an SQLite database file, and the mark that a server has it open.
 * PostgreSQL has its own tools (pg_dump, pg_restore); these refuse it.
 */

/** Why a backup or restore was refused; the message is for the operator, the code for tests. */
export class SqliteFileError extends Error {
  constructor(
    readonly code: 'NOT_SQLITE_URL' | 'NO_DATABASE' | 'TARGET_EXISTS' | 'IN_USE' | 'NOT_A_DATABASE' | 'NOT_ANTREAN' | 'NEWER_VERSION' | 'KEY_MISMATCH',
    message: string,
  ) {
    super(message);
  }
}

/** The file of an SQLite DATABASE_URL, or null for PostgreSQL and in-memory databases. */
export function sqliteFileOf(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length);
  return path === ':memory:' || path === '' ? null : path;
}

/** `data/antrean.sqlite` → `data/antrean.sqlite.lock`: the file servers hold a shared lock on. */
function lockFileOf(path: string): string {
  return `${path}.lock`;
}

/**
 * Marks the database in use for as long as this process runs (or until the returned function is
 * called): a shared lock on `<database>.lock`, held by an open read transaction on that small
 * SQLite file. Several servers and commands may hold it at once; `restore` needs it alone. The
 * lock is the operating system's (SQLite's file locking), so a process that dies releases it;
 * the database itself is left alone, so its WAL checkpoints are not held back. Throws IN_USE
 * while a restore is running. Does nothing for PostgreSQL and in-memory databases.
 */
export function markInUse(url: string): () => void {
  const path = sqliteFileOf(url);
  if (path === null) return () => undefined;
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const lock = new SQLite(lockFileOf(path));
  try {
    // A restore takes a few seconds at most: wait for it rather than fail at once.
    lock.pragma('busy_timeout = 10000');
    lock.pragma('journal_mode = DELETE');
    lock.exec('CREATE TABLE IF NOT EXISTS in_use (note TEXT)');
    lock.exec('BEGIN');
    lock.prepare('SELECT count(*) FROM in_use').get();
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new SqliteFileError('IN_USE', `${path} is being restored; start again when the restore has finished.`);
    throw error;
  }
  return () => lock.close();
}

/** What a backup holds, read without changing it. */
export interface BackupContents {
  /** Migrations applied in it, in order. */
  migrations: string[];
  /** The id of the data key its personal data is encrypted with; null before the first start sealed it. */
  keyId: string | null;
  /** The key check row, to test a key against. */
  keyCheck: { key_id: string; check_value: string } | null;
}

/**
 * Writes a consistent copy of the live database at `url` to `target` with SQLite's online backup
 * API, while servers go on writing. The copy is taken in one step, inside one read transaction:
 * it is the database as it was when that step began (every write committed before is in it), and
 * writers are not blocked meanwhile (WAL). The file is made with mode 0600 (it holds personal data,
 * sealed) and appears under its name only when complete.
 */
export async function backupSqlite(url: string, target: string): Promise<{ pages: number }> {
  const source = sqliteFileOf(url);
  if (source === null) throw new SqliteFileError('NOT_SQLITE_URL', 'DATABASE_URL is not an SQLite file.');
  if (!existsSync(source)) throw new SqliteFileError('NO_DATABASE', `There is no database at ${source}.`);
  if (existsSync(target)) throw new SqliteFileError('TARGET_EXISTS', `${target} exists already: give a new file name, backups are never overwritten.`);
  const partial = `${target}.partial-${process.pid}`;
  writeFileSync(partial, '', { mode: 0o600, flag: 'wx' });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // All remaining pages in one step: a step is one read transaction, so the copy is one moment's
    // database. Smaller steps would let a write in between restart the copy, again and again under load.
    const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`The copy failed its check (${String(check)}).`);
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, target);
    syncFile(dirname(resolve(target)));
    return { pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Reads a database file, refusing what is not an Antrean database this version can run. Opened
 * read-write (a read-only WAL database leaves its -wal and -shm files behind), but not written.
 */
export function readBackup(file: string): BackupContents {
  if (!existsSync(file)) throw new SqliteFileError('NOT_A_DATABASE', `There is no file ${file}.`);
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch (error) {
    throw new SqliteFileError('NOT_A_DATABASE', `${file} is not an SQLite database (${(error as Error).message}).`);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('quick_check', { simple: true });
    } catch (error) {
      throw new SqliteFileError('NOT_A_DATABASE', `${file} is not an SQLite database (${(error as Error).message}).`);
    }
    if (check !== 'ok') throw new SqliteFileError('NOT_A_DATABASE', `${file} is damaged: ${String(check)}.`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (!tables.has('kysely_migration') || !tables.has('bookings')) {
      throw new SqliteFileError('NOT_ANTREAN', `${file} is an SQLite database, but not an Antrean one (it has no migrations table or no bookings).`);
    }
    const migrations = (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((m) => m.name);
    const known = new Set(MIGRATION_NAMES);
    const unknown = migrations.filter((m) => !known.has(m));
    if (unknown.length) {
      throw new SqliteFileError('NEWER_VERSION', `${file} comes from a newer version of Antrean (migrations ${unknown.join(', ')}): restore it with that version.`);
    }
    const keyCheck = tables.has('data_key')
      ? ((db.prepare('SELECT key_id, check_value FROM data_key WHERE id = 1').get() as { key_id: string; check_value: string } | undefined) ?? null)
      : null;
    return { migrations, keyId: keyCheck?.key_id ?? null, keyCheck };
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database at `url`. Refuses while any server or command has the
 * database open (see markInUse); holds the lock alone meanwhile, so none can start. The database
 * it replaces is kept beside it as `<database>.before-restore-<time>`, with its WAL folded in;
 * its stale `-wal` and `-shm` files are removed, or SQLite would replay them onto the backup.
 */
export function restoreSqlite(
  url: string,
  backup: string,
  options: { now: Date; /** Throws an SqliteFileError to refuse the backup, after its contents are read. */ accept: (contents: BackupContents) => void },
): { replaced: string | null; contents: BackupContents } {
  const target = sqliteFileOf(url);
  if (target === null) throw new SqliteFileError('NOT_SQLITE_URL', 'DATABASE_URL is not an SQLite file.');
  if (resolve(target) === resolve(backup)) throw new SqliteFileError('TARGET_EXISTS', 'The backup is the database itself.');
  if (!existsSync(backup)) throw new SqliteFileError('NOT_A_DATABASE', `There is no file ${backup}.`);
  mkdirSync(dirname(resolve(target)), { recursive: true });
  // The copy is checked, not the original: what is checked is what is put in place, and the
  // backup file is left exactly as it was.
  const incoming = `${target}.restoring-${process.pid}`;
  copyFileSync(backup, incoming);
  chmodSync(incoming, 0o600);
  const lock = new SQLite(lockFileOf(target));
  try {
    const contents = readBackup(incoming);
    options.accept(contents);
    lock.pragma('busy_timeout = 0');
    lock.pragma('journal_mode = DELETE');
    try {
      lock.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      throw new SqliteFileError('IN_USE', `${target} is in use by a running server or command: stop it (every process), then restore.`);
    }
    let replaced: string | null = null;
    if (existsSync(target)) {
      // Fold the WAL into the file so the kept copy is whole; the last connection closing removes the WAL.
      const old = new SQLite(target, { fileMustExist: true });
      old.pragma('wal_checkpoint(TRUNCATE)');
      old.close();
      replaced = `${target}.before-restore-${options.now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, replaced);
    }
    for (const sidecar of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) rmSync(sidecar, { force: true });
    syncFile(incoming);
    renameSync(incoming, target);
    syncFile(dirname(resolve(target)));
    lock.exec('COMMIT');
    return { replaced, contents };
  } finally {
    lock.close();
    rmSync(incoming, { force: true });
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
