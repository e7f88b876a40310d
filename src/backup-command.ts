import { existsSync, readFileSync } from 'node:fs';
import { keyMatches } from './db/data-key.js';
import { SqliteFileError, backupSqlite, restoreSqlite, sqliteFileOf } from './db/sqlite-files.js';
import { DataCipher, parseDataKey } from './privacy/data-cipher.js';
import { keyFileFor } from './privacy/key-source.js';

export const BACKUP_USAGE = `  backup FILE write a consistent copy of the SQLite database to FILE while the server runs
              (FILE must not exist; the data key is not in it: keep the key apart)
  restore FILE
              put the backup FILE in place of the SQLite database (stop the server first; the
              replaced database is kept beside it as <database>.before-restore-<time>)`;

const POSTGRES_BACKUP = `DATABASE_URL is PostgreSQL: back it up with PostgreSQL's own tools, e.g.
  pg_dump --format=custom --file=antrean.dump "$DATABASE_URL"
and restore with
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" antrean.dump
(see "Backups" in the README).`;

/** `npm run antrean -- backup FILE`: an online copy of a live SQLite database. Returns the exit code. */
export async function backupCommand(args: string[], databaseUrl: string): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length) {
    console.error(`Usage: npm run antrean -- backup FILE\n${BACKUP_USAGE}`);
    return 2;
  }
  if (sqliteFileOf(databaseUrl) === null) {
    console.error(databaseUrl.startsWith('postgres') ? POSTGRES_BACKUP : 'An in-memory database has nothing to back up.');
    return 2;
  }
  try {
    const { pages } = await backupSqlite(databaseUrl, file);
    console.log(`Backed up ${sqliteFileOf(databaseUrl)} to ${file} (${pages} pages).`);
    console.log(`The data key is not in the backup: keep ${keyFileFor(databaseUrl)} (or ANTREAN_DATA_KEY) with your backups, but apart from them.`);
    return 0;
  } catch (error) {
    if (!(error instanceof SqliteFileError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/**
 * `npm run antrean -- restore FILE`: checks that FILE is an Antrean database this version runs,
 * whose key is the one the server will use, then puts it in place unless the database is in use.
 */
export async function restoreCommand(args: string[], settings: { databaseUrl: string; dataKey: string | undefined; now: () => Date }): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length) {
    console.error(`Usage: npm run antrean -- restore FILE\n${BACKUP_USAGE}`);
    return 2;
  }
  if (sqliteFileOf(settings.databaseUrl) === null) {
    console.error(settings.databaseUrl.startsWith('postgres') ? POSTGRES_BACKUP : 'An in-memory database cannot be restored into.');
    return 2;
  }
  try {
    const { replaced, contents } = restoreSqlite(settings.databaseUrl, file, {
      now: settings.now(),
      accept: (backup) => {
        const keyProblem = backup.keyCheck ? checkKey(backup.keyCheck, settings) : null;
        if (keyProblem) throw new SqliteFileError('KEY_MISMATCH', keyProblem);
      },
    });
    console.log(`Restored ${file} to ${sqliteFileOf(settings.databaseUrl)} (${contents.migrations.length} migrations applied in it; newer ones run at the next start).`);
    if (replaced) console.log(`The database it replaced is kept as ${replaced}: delete it once you are satisfied (it holds personal data).`);
    return 0;
  } catch (error) {
    if (!(error instanceof SqliteFileError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/** Why the server could not open the backup's personal data with the key it would use; null when it can. */
function checkKey(check: { key_id: string; check_value: string }, settings: { databaseUrl: string; dataKey: string | undefined }): string | null {
  const keyFile = keyFileFor(settings.databaseUrl);
  let keyText: string | undefined = settings.dataKey;
  let where = 'ANTREAN_DATA_KEY';
  if (keyText === undefined && keyFile && existsSync(keyFile)) {
    keyText = readFileSync(keyFile, 'utf8');
    where = `the key file ${keyFile}`;
  }
  if (keyText === undefined) {
    return `The backup's personal data is encrypted with key ${check.key_id}, and there is no key to open it: put that key in ${keyFile} (or set ANTREAN_DATA_KEY), then restore. Nothing was changed.`;
  }
  const cipher = new DataCipher(parseDataKey(keyText, where));
  if (keyMatches(check, cipher)) return null;
  return `The backup's personal data is encrypted with key ${check.key_id}, but ${where} holds key ${cipher.keyId}: the server would refuse to start. Put the backup's key in place first (after a rotation, the old key is kept as ${keyFile ?? '<database>.key'}.old-${check.key_id}). Nothing was changed.`;
}
