import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * The draw after each release wave. `draws` is one row per office, date and wave that had
 * entrants: when it opened and closed, its seed once drawn, and its counts (what a public
 * release page shows). `draw_entries` is one row per person entered: an unguessable id (the
 * entry's secret, like a booking code), the person sealed like a booking's (NIK, name, phone,
 * email) with the NIK's keyed hash unique per draw, their choice, and what became of it.
 */
export async function up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void> {
  await db.schema
    .createTable('draws')
    .addColumn('id', engine.autoIdType, (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('wave', 'integer', (c) => c.notNull())
    .addColumn('release_at', 'text', (c) => c.notNull())
    .addColumn('draw_at', 'text', (c) => c.notNull())
    // open (taking entries) → running (claimed by a process) → done.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addColumn('run_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    // JSON [{ id, start, places }]: the places left per session when the draw was claimed.
    .addColumn('sessions_json', 'text')
    .addColumn('entrants', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('places', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('placed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unplaced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('draws_office_date_wave').unique().on('draws').columns(['office_id', 'date', 'wave']).execute();
  await db.schema.createIndex('draws_due').on('draws').columns(['status', 'draw_at']).execute();

  await db.schema
    .createTable('draw_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draw_id', 'integer', (c) => c.notNull().references('draws.id'))
    .addColumn('office_id', 'integer', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('nik_hmac', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('key_id', 'text')
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('session_id', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // entered → booked | unplaced
    .addColumn('status', 'text', (c) => c.notNull())
    // 0: left out of the draw when it ran (the NIK held a booking by then).
    .addColumn('in_draw', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unplaced_reason', 'text')
    .addColumn('booking_id', 'integer')
    .addColumn('personal_data_erased_at', 'text')
    .execute();
  // One entry per NIK per draw; the hash is cleared with the rest once the draw is done.
  await db.schema.createIndex('draw_entries_one_per_nik').unique().on('draw_entries').columns(['draw_id', 'nik_hmac']).execute();
  await db.schema.createIndex('draw_entries_draw_status').on('draw_entries').columns(['draw_id', 'status']).execute();
}
