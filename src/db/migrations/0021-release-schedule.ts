import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * A day's places open at a time of the office's choosing rather than at midnight (07.00 by
 * default, when people are awake), optionally in waves, each followed by a draw of
 * `draw_seconds` in which being first gains nothing. `booking_days_ahead` and
 * `desk_share_percent` keep their meaning: how many days before itself a day opens, and the
 * share of places held for the desk.
 */
export async function up(db: Kysely<unknown>, _engine: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('offices').addColumn('release_time', 'text', (c) => c.notNull().defaultTo('07:00')).execute();
  await db.schema.alterTable('offices').addColumn('draw_seconds', 'integer', (c) => c.notNull().defaultTo(60)).execute();
  // JSON `[{ "time": "07:00", "percent": 50 }, …]`; null for one wave at release_time.
  await db.schema.alterTable('offices').addColumn('release_waves', 'text').execute();
}
