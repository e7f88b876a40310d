import type { Kysely } from 'kysely';

/** Wrong NIKs tried against each booking's code, so the owner check locks across processes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bookings').addColumn('owner_check_failures', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
