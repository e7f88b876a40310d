import type { Kysely } from 'kysely';
import { type DataCipher, DataKeyError } from '../privacy/data-cipher.js';
import type { Database, DataKeyTable } from './schema.js';

/** The text the check value seals: only the database's key opens it. */
const CHECK_TEXT = 'antrean:data-key-check';
// Rows sealed per statement batch: small enough for any engine's parameter limit and a short lock.
const BATCH = 200;

/** The database's key check, or undefined on a database that has none yet (new, or from before migration 0018). */
export async function readKeyCheck(db: Kysely<Database>): Promise<DataKeyTable | undefined> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === 'data_key')) return undefined;
  return db.selectFrom('data_key').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Whether the cipher opens the check value: the key is the one the data was sealed with. */
export function keyMatches(check: { key_id: string; check_value: string }, cipher: DataCipher): boolean {
  if (check.key_id !== cipher.keyId) return false;
  try {
    return cipher.open(check.check_value) === CHECK_TEXT;
  } catch {
    return false;
  }
}

/** A new check value for the cipher's key. */
export function newCheckValue(cipher: DataCipher): string {
  return cipher.seal(CHECK_TEXT);
}

/**
 * Records the key of a database that has no check yet. Two processes starting at once with
 * different keys cannot both win: the row is written once, and the loser's check fails after.
 */
export async function writeKeyCheckOnce(db: Kysely<Database>, cipher: DataCipher, at: string): Promise<DataKeyTable> {
  await db
    .insertInto('data_key')
    .values({ id: 1, key_id: cipher.keyId, check_value: newCheckValue(cipher), next_key_id: null, next_check_value: null, updated_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return db.selectFrom('data_key').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** How many rows a pass sealed or re-sealed, by table. */
export interface SealCounts {
  bookings: number;
  messages: number;
  unreachable: number;
  /** Release draw entries still waiting for their draw. */
  entries?: number;
}

/**
 * Seals rows that are not yet sealed with `to`: clear rows (a database from before migration
 * 0018) and, during a rotation, rows sealed with `from`. Each row is rewritten in its own
 * statement, conditional on the key it was read with, so a pass stopped anywhere leaves every
 * row readable with one of the two keys and a later pass picks up where it stopped.
 */
export async function sealRows(db: Kysely<Database>, to: DataCipher, from?: DataCipher, onRow?: () => void): Promise<SealCounts> {
  // An empty value (no phone, or data erased after its retention period) stays empty, unsealed.
  const seal = (value: string) => (value === '' ? '' : to.seal(value));
  const open = (value: string, keyId: string | null): string => {
    if (keyId === null || value === '') return value;
    if (keyId === to.keyId) return to.open(value);
    if (from && keyId === from.keyId) return from.open(value);
    throw new DataKeyError(`A row is sealed with key ${keyId}, which is neither the current key nor the new one.`);
  };
  const counts: SealCounts = { bookings: 0, messages: 0, unreachable: 0 };

  for (;;) {
    const rows = await db
      .selectFrom('bookings')
      .select(['id', 'nik', 'phone', 'email', 'key_id'])
      .where((eb) => eb.or([eb('key_id', 'is', null), eb('key_id', '!=', to.keyId)]))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    for (const row of rows) {
      const nik = open(row.nik, row.key_id);
      const phone = open(row.phone, row.key_id);
      const email = row.email === null ? null : open(row.email, row.key_id);
      await db
        .updateTable('bookings')
        .set({
          nik: seal(nik),
          nik_hmac: nik === '' ? null : to.lookupHash(nik),
          phone: seal(phone),
          phone_hmac: phone === '' ? null : to.lookupHash(phone),
          email: email === null ? null : seal(email),
          key_id: to.keyId,
        })
        .where('id', '=', row.id)
        .where((eb) => (row.key_id === null ? eb('key_id', 'is', null) : eb('key_id', '=', row.key_id)))
        .execute();
      counts.bookings++;
      onRow?.();
    }
  }

  // Rows sealed before migration 0023 lack the phone's keyed hash: add it (the monthly limit per number counts by it).
  for (;;) {
    const rows = await db
      .selectFrom('bookings')
      .select(['id', 'phone'])
      .where('key_id', '=', to.keyId)
      .where('phone_hmac', 'is', null)
      .where('phone', '!=', '')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    for (const row of rows) {
      await db.updateTable('bookings').set({ phone_hmac: to.lookupHash(to.open(row.phone)) }).where('id', '=', row.id).where('key_id', '=', to.keyId).execute();
    }
  }

  for (;;) {
    const rows = await db
      .selectFrom('outbox_messages')
      .select(['id', 'recipient', 'key_id'])
      .where((eb) => eb.or([eb('key_id', 'is', null), eb('key_id', '!=', to.keyId)]))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    for (const row of rows) {
      await db
        .updateTable('outbox_messages')
        .set({ recipient: seal(open(row.recipient, row.key_id)), key_id: to.keyId })
        .where('id', '=', row.id)
        .where((eb) => (row.key_id === null ? eb('key_id', 'is', null) : eb('key_id', '=', row.key_id)))
        .execute();
      counts.messages++;
      onRow?.();
    }
  }

  for (;;) {
    const rows = await db
      .selectFrom('whatsapp_unreachable')
      .selectAll()
      .where((eb) => eb.or([eb('key_id', 'is', null), eb('key_id', '!=', to.keyId)]))
      .orderBy('phone')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    for (const row of rows) {
      const phone = row.key_id === null ? row.phone : open(row.phone_sealed ?? '', row.key_id);
      // The hash is the key of the row: a new row under the new hash replaces the old one in one transaction.
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('whatsapp_unreachable').where('phone', '=', row.phone).execute();
        await trx
          .insertInto('whatsapp_unreachable')
          .values({ phone: to.lookupHash(phone), phone_sealed: to.seal(phone), key_id: to.keyId, marked_at: row.marked_at, detail: row.detail })
          .onConflict((oc) => oc.column('phone').doNothing())
          .execute();
      });
      counts.unreachable++;
      onRow?.();
    }
  }
  // Draw entries hold a person only until their draw is made: few rows, sealed like bookings.
  const tables = await db.introspection.getTables();
  if (tables.some((t) => t.name === 'draw_entries')) {
    for (;;) {
      const rows = await db
        .selectFrom('draw_entries')
        .select(['id', 'nik', 'name', 'phone', 'email', 'key_id'])
        .where('key_id', 'is not', null)
        .where('key_id', '!=', to.keyId)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (!rows.length) break;
      for (const row of rows) {
        const nik = open(row.nik, row.key_id);
        await db
          .updateTable('draw_entries')
          .set({
            nik: seal(nik),
            nik_hmac: nik === '' ? null : to.lookupHash(nik),
            name: seal(open(row.name, row.key_id)),
            phone: seal(open(row.phone, row.key_id)),
            email: row.email === null ? null : seal(open(row.email, row.key_id)),
            key_id: to.keyId,
          })
          .where('id', '=', row.id)
          .where('key_id', '=', row.key_id)
          .execute();
        counts.entries = (counts.entries ?? 0) + 1;
        onRow?.();
      }
    }
  }
  return counts;
}
