import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openStorage } from './db/database.js';
import { readKeyCheck } from './db/data-key.js';
import { rotateDataKey } from './db/rotate-key.js';
import { DataCipher, DataKeyError, generateDataKey, parseDataKey } from './privacy/data-cipher.js';
import { describeKeySource, resolveDataKey } from './privacy/key-source.js';

export const ROTATE_KEY_USAGE = `  rotate-key [--new-key-file PATH]
              re-encrypt every NIK, phone number and email under a new data key (stop the
              server first). The new key: ANTREAN_NEW_DATA_KEY, or a file holding it
              (--new-key-file); with the SQLite key file and neither given, one is made in
              <database>.key.new. Stopped halfway, run it again with the same new key.`;

/**
 * `npm run antrean -- rotate-key`: re-encrypts everything under a new key and switches the
 * database's key check; with the SQLite key file, puts the new key in it (the old one kept as
 * `.key.old-<id>` for backups made before). Returns the exit code.
 */
export async function rotateKeyCommand(args: string[], settings: { databaseUrl: string; dataKey: string | undefined; newDataKey: string | undefined }): Promise<number> {
  const { values } = parseArgs({ args, options: { 'new-key-file': { type: 'string' } }, strict: true });
  const storage = openStorage(settings.databaseUrl);
  try {
    const check = await readKeyCheck(storage.db);
    if (!check) {
      console.error('This database has no data key yet: start the server once (it encrypts the data), then rotate.');
      return 1;
    }
    const { key, source } = resolveDataKey({ databaseUrl: settings.databaseUrl, envKey: settings.dataKey, databaseHasKey: true, announce: () => undefined });
    let newKeyFile: string | null = null;
    let newKeyText: string;
    if (settings.newDataKey !== undefined) newKeyText = settings.newDataKey;
    else if (values['new-key-file']) newKeyText = readFileSync(values['new-key-file'], 'utf8');
    else if (source.kind === 'file') {
      // Written before any row changes, so a rotation stopped halfway can always be finished.
      newKeyFile = `${source.path}.new`;
      if (!existsSync(newKeyFile)) writeFileSync(newKeyFile, `${generateDataKey()}\n`, { mode: 0o600, flag: 'wx' });
      newKeyText = readFileSync(newKeyFile, 'utf8');
    } else {
      console.error('Give the new key: ANTREAN_NEW_DATA_KEY or --new-key-file PATH (32 random bytes in base64, e.g. `openssl rand -base64 32`).');
      return 2;
    }
    const current = new DataCipher(key);
    const next = new DataCipher(parseDataKey(newKeyText, 'The new data key'));
    let rows = 0;
    const result = await rotateDataKey(storage, {
      current,
      next,
      at: new Date().toISOString(),
      onRow: () => {
        if (++rows % 1000 === 0) console.log(`${rows} rows re-encrypted…`);
      },
    });
    console.log(
      result.alreadyDone
        ? `The database was already on key ${next.keyId}.`
        : `Re-encrypted ${result.resealed.bookings} booking(s), ${result.resealed.messages} message(s) and ${result.resealed.unreachable} marked number(s); the database now uses key ${next.keyId} (was ${current.keyId}).`,
    );
    if (source.kind === 'file') {
      const old = `${source.path}.old-${current.keyId}`;
      if (existsSync(source.path) && !keyFileHolds(source.path, next)) renameSync(source.path, old);
      if (newKeyFile && existsSync(newKeyFile)) renameSync(newKeyFile, source.path);
      else if (!existsSync(source.path)) writeFileSync(source.path, `${newKeyText.trim()}\n`, { mode: 0o600, flag: 'wx' });
      console.log(
        `${source.path} now holds the new key: back it up with the database. The old key is in ${old}: backups made before now need it; keep it with them, off this server.`,
      );
    } else {
      console.log(`Set ${describeKeySource(source)} to the new key before starting the server. Backups made before now still need the old key.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataKeyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await storage.close();
  }
}

function keyFileHolds(path: string, cipher: DataCipher): boolean {
  try {
    return new DataCipher(parseDataKey(readFileSync(path, 'utf8'), path)).keyId === cipher.keyId;
  } catch {
    return false;
  }
}
