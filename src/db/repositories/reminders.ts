import type { Executor } from './offices.js';

/** A booking still waiting for its day, as the reminder rules read it. */
export interface RemindableRow {
  id: number;
  date: string;
  session_start: string;
  /** When it got its current day and session: status changes are the only writes of `updated_at`, and a booked one last changed by being made or moved. */
  updated_at: string;
}

/** An office's bookings on those dates that are still just booked: not cancelled, moved away, checked in or over. */
export async function listRemindableBookings(db: Executor, officeId: number, dates: readonly string[]): Promise<RemindableRow[]> {
  if (!dates.length) return [];
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('sessions', 'sessions.id', 'bookings.session_id')
    .select(['bookings.id', 'bookings.date', 'sessions.start_time as session_start', 'bookings.updated_at'])
    .where('bookings.office_id', '=', officeId)
    .where('bookings.date', 'in', dates)
    .where('bookings.status', '=', 'booked')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Which of these dedupe keys the outbox already holds, so a pass does not compose a message it will not queue. */
export async function queuedDedupeKeys(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // Chunks keep the statement within every engine's parameter limit.
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('outbox_messages').select('dedupe_key').where('dedupe_key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.dedupe_key);
  }
  return found;
}

/**
 * Locks a booking for the rest of the transaction if it is still booked on that date, and says
 * whether it is. A no-op update: it takes the row lock on PostgreSQL and the write lock on
 * SQLite, so a cancel or move racing the reminder either happens first (no reminder) or waits
 * until the reminder is queued.
 */
export async function lockIfStillBooked(db: Executor, bookingId: number, date: string): Promise<boolean> {
  const row = await db
    .updateTable('bookings')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', bookingId)
    .where('status', '=', 'booked')
    .where('date', '=', date)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
