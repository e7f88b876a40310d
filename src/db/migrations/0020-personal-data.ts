import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * Personal data kept only as long as the office says (UU 27/2022): each office's retention in
 * days after the appointment (30 by default, as the booking form always promised); a booking
 * and an outbox message remember when their personal data was erased; and every staff read of
 * a booking's personal data is recorded, so the admin and the citizen can see who looked.
 */
export async function up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('offices').addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  await db.schema.alterTable('bookings').addColumn('personal_data_erased_at', 'text').execute();
  await db.schema.alterTable('outbox_messages').addColumn('personal_data_erased_at', 'text').execute();
  // The purge looks for rows not yet erased by their day.
  await db.schema.createIndex('bookings_office_erased_date').on('bookings').columns(['office_id', 'personal_data_erased_at', 'date']).execute();
  await db.schema
    .createTable('personal_data_access')
    .addColumn('id', engine.autoIdType, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('office_id', 'integer', (c) => c.notNull())
    .addColumn('booking_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('personal_data_access_booking').on('personal_data_access').columns(['booking_id', 'at']).execute();
  await db.schema.createIndex('personal_data_access_office_user').on('personal_data_access').columns(['office_id', 'user_id', 'at']).execute();
  await db.schema.createIndex('personal_data_access_office_at').on('personal_data_access').columns(['office_id', 'at']).execute();
}
