import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/** Counters (loket) and what each serves, and the fields a ticket needs on the office floor. */
export async function up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('id', engine.autoIdType, (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('counters_office_number_unique', ['office_id', 'number'])
    .execute();

  // No rows for a counter means it serves every service, as the default office's counters do.
  await db.schema
    .createTable('counter_services')
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addPrimaryKeyConstraint('counter_services_pk', ['counter_id', 'service_id'])
    .execute();

  await db.schema.alterTable('bookings').addColumn('counter_number', 'integer').execute();
  await db.schema.alterTable('bookings').addColumn('called_at', 'text').execute();
  await db.schema.alterTable('bookings').addColumn('requeue_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('bookings_office_date_status').on('bookings').columns(['office_id', 'date', 'status']).execute();
}
