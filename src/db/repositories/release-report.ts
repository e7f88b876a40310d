import { sql } from 'kysely';
import type { DrawRow } from '../schema.js';
import type { Executor } from './offices.js';

/*
 * The public releases report's reads: counts only, never a person. Plain SQL both engines read
 * alike (GROUP BY, CASE with literals, EXISTS, LIMIT/OFFSET on ISO text that sorts as time).
 */

/** Bookings of a date by channel, whether a draw made them, and whether they were cancelled since. */
export interface ReleaseBookingCount {
  date: string;
  channel: 'online' | 'desk' | 'walk_in';
  /** Made by a draw: an entry of a draw points at it. */
  byDraw: boolean;
  cancelled: boolean;
  count: number;
}

/** Every booking of the office for dates in the range, counted by date, channel, draw and cancellation. */
export async function countReleaseBookings(db: Executor, officeId: number, from: string, to: string): Promise<ReleaseBookingCount[]> {
  const rows = await db
    .selectFrom('bookings')
    .select((eb) => {
      const byDraw = eb
        .case()
        .when(eb.exists(eb.selectFrom('draw_entries').select('draw_entries.id').whereRef('draw_entries.booking_id', '=', 'bookings.id')))
        .then(sql.lit(1))
        .else(sql.lit(0))
        .end();
      const cancelled = eb.case().when('bookings.status', '=', sql.lit('cancelled')).then(sql.lit(1)).else(sql.lit(0)).end();
      return ['bookings.date', 'bookings.channel', byDraw.as('by_draw'), cancelled.as('cancelled'), eb.fn.countAll<string | number>().as('n')];
    })
    .where('bookings.office_id', '=', officeId)
    .where('bookings.date', '>=', from)
    .where('bookings.date', '<=', to)
    // By position: PostgreSQL matches GROUP BY expressions to the selected ones only when they read the same.
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
    .execute();
  return rows.map((r) => ({ date: r.date, channel: r.channel, byDraw: Number(r.by_draw) === 1, cancelled: Number(r.cancelled) === 1, count: Number(r.n) }));
}

/** The draws of the office for dates in the range: their counts, times, status and seed. */
export async function listDrawsBetween(
  db: Executor,
  officeId: number,
  from: string,
  to: string,
): Promise<(Pick<DrawRow, 'date' | 'wave' | 'release_at' | 'draw_at' | 'status' | 'seed' | 'entrants' | 'places' | 'placed' | 'unplaced'> & { entered: number })[]> {
  const rows = await db
    .selectFrom('draws')
    .select(['draws.date', 'draws.wave', 'draws.release_at', 'draws.draw_at', 'draws.status', 'draws.seed', 'draws.entrants', 'draws.places', 'draws.placed', 'draws.unplaced'])
    // Entries so far: the draw's own counts are written only when it is made.
    .select((eb) => eb.selectFrom('draw_entries').select((e) => e.fn.countAll<string | number>().as('n')).whereRef('draw_entries.draw_id', '=', 'draws.id').as('entered'))
    .where('draws.office_id', '=', officeId)
    .where('draws.date', '>=', from)
    .where('draws.date', '<=', to)
    .orderBy('draws.date')
    .orderBy('draws.wave')
    .execute();
  return rows.map((r) => ({ ...r, entered: Number(r.entered ?? 0) }));
}

/** When the `n`th online booking (1 = the first) of the date was made, cancelled ones included; null when fewer were made. */
export async function nthOnlineBookingAt(db: Executor, officeId: number, date: string, n: number): Promise<string | null> {
  if (n < 1) return null;
  const row = await db
    .selectFrom('bookings')
    .select('created_at')
    .where('office_id', '=', officeId)
    .where('date', '=', date)
    .where('channel', '=', 'online')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .offset(n - 1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}
