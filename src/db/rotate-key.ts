import { type DataCipher, DataKeyError } from '../privacy/data-cipher.js';
import type { Storage } from './database.js';
import { keyMatches, newCheckValue, readKeyCheck, type SealCounts, sealRows } from './data-key.js';
import { migrateToLatest } from './migrate.js';

/** What a rotation did: `alreadyDone` when the database was on the new key before it began. */
export interface RotationResult {
  fromKeyId: string;
  toKeyId: string;
  alreadyDone: boolean;
  resealed: SealCounts;
}

/**
 * Re-encrypts every sealed value (and recomputes every keyed hash) under `next`, then makes
 * `next` the database's key. Resumable: the rotation is recorded in `data_key` before the first
 * row changes, each row carries the id of its key and is rewritten alone, so a rotation stopped
 * anywhere is finished by running it again with the same two keys; until then the server
 * refuses to start. The server must be stopped while it runs. `onRow` is for tests (stopping
 * halfway) and progress.
 */
export async function rotateDataKey(
  storage: Storage,
  opts: { current: DataCipher; next: DataCipher; at: string; onRow?: () => void },
): Promise<RotationResult> {
  const { current, next } = opts;
  if (current.keyId === next.keyId) throw new DataKeyError('The new data key is the current one: give a new key.');
  const check = await readKeyCheck(storage.db);
  if (!check) throw new DataKeyError('This database has no data key yet: start the server once before rotating its key.');
  if (!check.next_key_id && keyMatches(check, next)) {
    // A rotation already switched the database over; only the operator's side was left to do.
    return { fromKeyId: current.keyId, toKeyId: next.keyId, alreadyDone: true, resealed: { bookings: 0, messages: 0, unreachable: 0 } };
  }
  if (!keyMatches(check, current)) {
    throw new DataKeyError(`The current key (${current.keyId}) is not this database's key (${check.key_id}): nothing was changed.`);
  }
  if (check.next_key_id && check.next_key_id !== next.keyId) {
    throw new DataKeyError(
      `A rotation to key ${check.next_key_id} was stopped halfway; finish it with that key (not ${next.keyId}) before rotating again. Nothing was changed.`,
    );
  }
  await migrateToLatest(storage);
  if (!check.next_key_id) {
    await storage.db
      .updateTable('data_key')
      .set({ next_key_id: next.keyId, next_check_value: newCheckValue(next), updated_at: opts.at })
      .where('id', '=', 1)
      .where('next_key_id', 'is', null)
      .execute();
  }
  const resealed = await sealRows(storage.db, next, current, opts.onRow);
  // Every row is on the new key now (sealRows loops until none is left): switch the check over.
  const pending = await storage.db.selectFrom('data_key').select('next_check_value').where('id', '=', 1).executeTakeFirstOrThrow();
  await storage.db
    .updateTable('data_key')
    .set({ key_id: next.keyId, check_value: pending.next_check_value ?? newCheckValue(next), next_key_id: null, next_check_value: null, updated_at: opts.at })
    .where('id', '=', 1)
    .where('next_key_id', '=', next.keyId)
    .execute();
  // Values sealed with the old key must not outlive it in free pages or the journal.
  await storage.engine.eraseFreedSpace(storage.db);
  return { fromKeyId: current.keyId, toKeyId: next.keyId, alreadyDone: false, resealed };
}


