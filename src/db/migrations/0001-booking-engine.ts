import { type Kysely, sql } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/** Offices, their calendar and sessions, services, bookings and the lock rows that keep quotas. */
export async function up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void> {
  const id = engine.autoIdType;

  await db.schema
    .createTable('offices')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('open_weekdays', 'text', (c) => c.notNull())
    .addColumn('same_day_booking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('booking_days_ahead', 'integer', (c) => c.notNull())
    .addColumn('check_in_before_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('check_in_after_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('needs_presence', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('services_office_code_unique', ['office_id', 'code'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('letter', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('sessions_office_letter_unique', ['office_id', 'letter'])
    .execute();

  await db.schema
    .createTable('closed_days')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addUniqueConstraint('closed_days_office_date_unique', ['office_id', 'date'])
    .execute();

  await db.schema
    .createTable('calendar_years')
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_years_pk', ['office_id', 'year'])
    .execute();

  await db.schema
    .createTable('session_days')
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('session_days_pk', ['session_id', 'date'])
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('queue_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Queue numbers are unique per office and day by constraint, whatever the code above does.
    .addUniqueConstraint('bookings_office_date_number_unique', ['office_id', 'date', 'queue_number'])
    .execute();

  // One active booking per NIK and office, enforced by the database even under a race.
  await db.schema
    .createIndex('bookings_one_active_per_nik')
    .on('bookings')
    .columns(['office_id', 'nik'])
    .unique()
    .where(sql.ref('status'), 'in', ['booked', 'checked_in', 'called', 'serving', 'skipped'])
    .execute();
  await db.schema.createIndex('bookings_office_date_session').on('bookings').columns(['office_id', 'date', 'session_id', 'status']).execute();
  await db.schema.createIndex('bookings_office_nik').on('bookings').columns(['office_id', 'nik']).execute();

  await db.schema
    .createTable('booking_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('booking_id', 'integer', (c) => c.notNull().references('bookings.id'))
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('counter_number', 'integer')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('booking_events_booking').on('booking_events').column('booking_id').execute();
  await db.schema.createIndex('booking_events_office_at').on('booking_events').columns(['office_id', 'at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'integer', (c) => c.notNull().references('bookings.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
