import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * Limits by person instead of by address, a no-show policy, and proof-of-work tokens used once.
 * `bookings.phone_hmac` is the keyed hash of the phone (like `nik_hmac`), so bookings made with
 * one number can be counted without opening the sealed ones; rows from before are hashed at the
 * next start by the sealing pass (`sealRows`), which has the key a migration does not.
 * `used_proofs` remembers each proof-of-work token until it expires, so any process refuses a
 * second use.
 */
export async function up(db: Kysely<unknown>, _engine: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('bookings').addColumn('phone_hmac', 'text').execute();
  await db.schema.createIndex('bookings_office_phone_hmac').on('bookings').columns(['office_id', 'phone_hmac']).execute();

  // Online bookings a phone number, and a NIK, may make a month at the office; 0 for no limit.
  await db.schema.alterTable('offices').addColumn('phone_bookings_per_month', 'integer', (c) => c.notNull().defaultTo(4)).execute();
  await db.schema.alterTable('offices').addColumn('nik_bookings_per_month', 'integer', (c) => c.notNull().defaultTo(4)).execute();
  // After `no_show_count` no-shows within `no_show_within_days` days a NIK may not book online for `no_show_block_days` days.
  await db.schema.alterTable('offices').addColumn('no_show_policy_enabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('offices').addColumn('no_show_count', 'integer', (c) => c.notNull().defaultTo(3)).execute();
  await db.schema.alterTable('offices').addColumn('no_show_within_days', 'integer', (c) => c.notNull().defaultTo(90)).execute();
  await db.schema.alterTable('offices').addColumn('no_show_block_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();

  await db.schema
    .createTable('used_proofs')
    .addColumn('token_id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('used_proofs_expires_at').on('used_proofs').column('expires_at').execute();
}
