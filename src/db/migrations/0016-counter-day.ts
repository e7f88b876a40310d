import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * A day at the counter: how a visit ended (on its finish event), which counter sent a
 * transferred person on (so it does not call them back), which clerk holds a counter today,
 * and the satisfaction survey. Survey answers sit in their own table without the booking, so
 * they cannot be traced to a person; the booking keeps only that it was answered, so it is
 * asked once. Answers keep the month, not the day or hour, for the same reason.
 */
export async function up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('booking_events').addColumn('outcome', 'text').execute();
  await db.schema.alterTable('bookings').addColumn('transferred_from_counter', 'integer').execute();
  await db.schema.alterTable('bookings').addColumn('survey_answered', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('counters').addColumn('clerk_user_id', 'integer').execute();
  await db.schema.alterTable('counters').addColumn('clerk_since', 'text').execute();
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', engine.autoIdType, (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('requirements', 'integer', (c) => c.notNull())
    .addColumn('procedure', 'integer', (c) => c.notNull())
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('cost', 'integer', (c) => c.notNull())
    .addColumn('product', 'integer', (c) => c.notNull())
    .addColumn('competence', 'integer', (c) => c.notNull())
    .addColumn('conduct', 'integer', (c) => c.notNull())
    .addColumn('complaints', 'integer', (c) => c.notNull())
    .addColumn('facilities', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_responses_office_month').on('survey_responses').columns(['office_id', 'month']).execute();
}
