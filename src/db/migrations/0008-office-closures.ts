import type { Kysely } from 'kysely';

/**
 * When and by whom an office closure was recorded. A closure is recorded before its bookings
 * are moved; the background step finishes the moves of one left unfinished (a process that
 * died halfway), and waits a little after `created_at` so it does not race the request still
 * moving them. Holidays loaded from the decree have neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('closed_days').addColumn('created_at', 'text').execute();
  await db.schema.alterTable('closed_days').addColumn('created_by', 'integer').execute();
}
