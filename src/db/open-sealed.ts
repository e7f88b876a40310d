import { DataCipher, DataKeyError, installDataCipher } from '../privacy/data-cipher.js';
import { describeKeySource, type KeySource, resolveDataKey } from '../privacy/key-source.js';
import type { Storage } from './database.js';
import { keyMatches, readKeyCheck, sealRows, writeKeyCheckOnce } from './data-key.js';
import { migrateToLatest } from './migrate.js';

/** What `prepareSealedStorage` found and did. */
export interface SealedStorage {
  cipher: DataCipher;
  source: KeySource;
  migrations: string[];
}

/**
 * Makes a database ready for a process that reads and writes personal data: checks the data
 * key against the database before anything is written (a wrong key, a missing key file or an
 * unfinished rotation refuse with DataKeyError and change nothing), migrates, records the key
 * on a database that had none, seals rows still in clear, and installs the key for the
 * repositories.
 */
export async function prepareSealedStorage(
  storage: Storage,
  opts: { envKey: string | undefined; announce: (line: string) => void; now: () => Date },
): Promise<SealedStorage> {
  const check = await readKeyCheck(storage.db);
  if (check?.next_key_id) {
    throw new DataKeyError(
      `A rotation of the data key (from key ${check.key_id} to ${check.next_key_id}) was stopped halfway. Run \`npm run antrean -- rotate-key\` again with the same new key to finish it, then start. Nothing was changed.`,
    );
  }
  const { key, source } = resolveDataKey({ databaseUrl: storage.url, envKey: opts.envKey, databaseHasKey: check !== undefined, announce: opts.announce });
  const cipher = new DataCipher(key);
  if (check && !keyMatches(check, cipher)) throw wrongKey(check.key_id, cipher, source);
  const migrations = await migrateToLatest(storage);
  const recorded = check ?? (await writeKeyCheckOnce(storage.db, cipher, opts.now().toISOString()));
  if (!keyMatches(recorded, cipher)) throw wrongKey(recorded.key_id, cipher, source);
  const sealed = await sealRows(storage.db, cipher);
  // Rows were in clear until now (a database from before migration 0018): their old bytes go too.
  if (sealed.bookings + sealed.messages + sealed.unreachable > 0) await storage.engine.eraseFreedSpace(storage.db);
  installDataCipher(cipher);
  return { cipher, source, migrations };
}

function wrongKey(databaseKeyId: string, cipher: DataCipher, source: KeySource): DataKeyError {
  return new DataKeyError(
    `Refusing to start: the personal data in this database is encrypted with data key ${databaseKeyId}, but ${describeKeySource(source)} holds key ${cipher.keyId}. Start with the key this database was made with (ANTREAN_DATA_KEY, or the key file backed up with it). Nothing was changed.`,
  );
}
