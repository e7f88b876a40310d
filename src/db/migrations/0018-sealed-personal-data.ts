import { type Kysely, sql } from 'kysely';

const ACTIVE = ['booked', 'checked_in', 'called', 'serving', 'skipped'];

/**
 * Personal data sealed at rest. NIK, phone and email of a booking, the recipient of a message
 * and a number marked not on WhatsApp are stored encrypted (see `src/privacy/data-cipher.ts`);
 * lookups by NIK go through `nik_hmac`, a keyed hash, and `whatsapp_unreachable.phone` becomes
 * the keyed hash of the number with the number sealed beside it. `key_id` names the key a row
 * is sealed with (null: still clear, as every row is right after this migration). The encrypting
 * itself needs the key, which migrations do not have: `sealClearRows` does it at every start,
 * right after the migrations. `data_key` holds the check value that tells whether a key is the
 * database's, and the state of an unfinished rotation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_key')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('check_value', 'text', (c) => c.notNull())
    .addColumn('next_key_id', 'text')
    .addColumn('next_check_value', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('bookings').addColumn('nik_hmac', 'text').execute();
  await db.schema.alterTable('bookings').addColumn('key_id', 'text').execute();
  await db.schema.dropIndex('bookings_one_active_per_nik').execute();
  await db.schema.dropIndex('bookings_office_nik').execute();
  // One active booking per NIK and office, enforced by the database on the keyed hash.
  await db.schema
    .createIndex('bookings_one_active_per_nik_hmac')
    .on('bookings')
    .columns(['office_id', 'nik_hmac'])
    .unique()
    .where(sql.ref('status'), 'in', ACTIVE)
    .execute();
  await db.schema.createIndex('bookings_office_nik_hmac').on('bookings').columns(['office_id', 'nik_hmac']).execute();
  await db.schema.createIndex('bookings_nik_hmac').on('bookings').column('nik_hmac').execute();
  await db.schema.createIndex('bookings_key_id').on('bookings').column('key_id').execute();

  await db.schema.alterTable('outbox_messages').addColumn('key_id', 'text').execute();
  await db.schema.createIndex('outbox_messages_key_id').on('outbox_messages').column('key_id').execute();
  await db.schema.alterTable('whatsapp_unreachable').addColumn('phone_sealed', 'text').execute();
  await db.schema.alterTable('whatsapp_unreachable').addColumn('key_id', 'text').execute();
}
