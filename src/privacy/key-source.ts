import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DataKeyError, generateDataKey, parseDataKey } from './data-cipher.js';

/** Where a data key came from, for messages and for rotate-key (which replaces a key file). */
export type KeySource = { kind: 'env'; name: string } | { kind: 'file'; path: string };

/** The key file beside an SQLite database file: `data/antrean.sqlite` → `data/antrean.sqlite.key`. */
export function keyFileFor(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith('file:')) return null;
  const path = databaseUrl.slice('file:'.length);
  return path === ':memory:' ? null : `${path}.key`;
}

/** Names the source for an operator. */
export function describeKeySource(source: KeySource): string {
  return source.kind === 'env' ? source.name : `the key file ${source.path}`;
}

/**
 * The data key: from ANTREAN_DATA_KEY when set; else, for an SQLite file, from the key file
 * beside it, created (mode 0600) when the database has no sealed data yet. PostgreSQL needs
 * the variable: its database lives elsewhere, and a key file on one app server would be lost
 * with that server. `announce` is told once, when a key file is created.
 */
export function resolveDataKey(opts: {
  databaseUrl: string;
  envKey: string | undefined;
  /** The database already holds a key check: never make a new key for it. */
  databaseHasKey: boolean;
  announce: (line: string) => void;
}): { key: Buffer; source: KeySource } {
  if (opts.envKey !== undefined) return { key: parseDataKey(opts.envKey, 'ANTREAN_DATA_KEY'), source: { kind: 'env', name: 'ANTREAN_DATA_KEY' } };
  const file = keyFileFor(opts.databaseUrl);
  if (file === null) {
    throw new DataKeyError(
      'ANTREAN_DATA_KEY is required with PostgreSQL (and an in-memory database): 32 random bytes in base64, e.g. `openssl rand -base64 32`. Keep it apart from the database backups, and never lose it: without it the NIKs and phone numbers cannot be read.',
    );
  }
  const source: KeySource = { kind: 'file', path: file };
  if (existsSync(file)) return { key: parseDataKey(readFileSync(file, 'utf8'), `The key file ${file}`), source };
  if (opts.databaseHasKey) {
    throw new DataKeyError(
      `The database's personal data is encrypted, but its key file ${file} is missing. Restore the key file from the backup made with the database, or set ANTREAN_DATA_KEY. Nothing was changed.`,
    );
  }
  const created = generateDataKey();
  // `wx`: never overwrite a key another process wrote a moment ago.
  writeFileSync(file, `${created}\n`, { mode: 0o600, flag: 'wx' });
  opts.announce(
    `Created the data key ${file} (NIKs, phone numbers and email addresses are encrypted with it). Back it up together with the database: a backup without its key cannot be read.`,
  );
  return { key: parseDataKey(created, `The key file ${file}`), source };
}
