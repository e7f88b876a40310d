import type { Kysely } from 'kysely';

/**
 * The desk's day. Offices say how early a person may check in without a reason (elderly
 * people come early; the desk should not type a reason for each of them); a ticket checked in
 * that early records from when it may be called: its session's start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('offices').addColumn('early_check_in_minutes', 'integer', (c) => c.notNull().defaultTo(60)).execute();
  // `HH:MM` on the office's clock; null: callable as soon as it waits.
  await db.schema.alterTable('bookings').addColumn('call_from', 'text').execute();
}
