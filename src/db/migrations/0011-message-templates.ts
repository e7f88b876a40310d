import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * What is sent to citizens: an office's own wording of each message kind in each language
 * (no row means the default words), and the office's reminder settings: the evening reminder
 * and its hour, the reminder a set number of hours before the session, and how many people
 * ahead a checked-in person is told their turn nears (0 turns that off). A booking records the
 * language of the page it was made on, for its messages; earlier ones and the desk's have none
 * and are written to in Indonesian.
 */
export async function up(db: Kysely<unknown>, _engine: EngineCapabilities): Promise<void> {
  await db.schema
    .createTable('message_templates')
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addPrimaryKeyConstraint('message_templates_pk', ['office_id', 'kind', 'lang'])
    .execute();

  await db.schema.alterTable('offices').addColumn('reminder_evening_enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('offices').addColumn('reminder_evening_hour', 'integer', (c) => c.notNull().defaultTo(18)).execute();
  await db.schema.alterTable('offices').addColumn('reminder_before_enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('offices').addColumn('reminder_hours_before', 'integer', (c) => c.notNull().defaultTo(2)).execute();
  await db.schema.alterTable('offices').addColumn('turn_near_ahead', 'integer', (c) => c.notNull().defaultTo(3)).execute();
  await db.schema.alterTable('bookings').addColumn('lang', 'text').execute();
}
