import type { Insertable } from 'kysely';
import { ACTIVE_STATUSES } from '../../domain/ticket-status.js';
import type { BookingEventsTable, BookingRow, NewBooking } from '../schema.js';
import type { Executor } from './offices.js';

/** A booking with the office, service and session facts that every presentation needs. */
export interface BookingView extends BookingRow {
  office_slug: string;
  office_name: string;
  office_timezone: string;
  service_code: string;
  service_name: string;
  service_name_en: string;
  service_documents: string;
  session_letter: string;
  session_start: string;
  session_end: string;
}

function bookingViewQuery(db: Executor) {
  return db
    .selectFrom('bookings')
    .innerJoin('offices', 'offices.id', 'bookings.office_id')
    .innerJoin('services', 'services.id', 'bookings.service_id')
    .innerJoin('sessions', 'sessions.id', 'bookings.session_id')
    .selectAll('bookings')
    .select([
      'offices.slug as office_slug',
      'offices.name as office_name',
      'offices.timezone as office_timezone',
      'services.code as service_code',
      'services.name as service_name',
      'services.name_en as service_name_en',
      'services.documents as service_documents',
      'sessions.letter as session_letter',
      'sessions.start_time as session_start',
      'sessions.end_time as session_end',
    ]);
}

/** The booking with that code, with its office, service and session. */
export function findBookingByCode(db: Executor, code: string): Promise<BookingView | undefined> {
  return bookingViewQuery(db).where('bookings.code', '=', code).executeTakeFirst();
}

/** The booking with that id, with its office, service and session. */
export function findBookingById(db: Executor, id: number): Promise<BookingView | undefined> {
  return bookingViewQuery(db).where('bookings.id', '=', id).executeTakeFirst();
}

/** The NIK's active booking at an office, if it holds one. */
export function findActiveBookingByNik(db: Executor, officeId: number, nik: string): Promise<BookingView | undefined> {
  return bookingViewQuery(db)
    .where('bookings.office_id', '=', officeId)
    .where('bookings.nik', '=', nik)
    .where('bookings.status', 'in', ACTIVE_STATUSES)
    .executeTakeFirst();
}

/**
 * Takes the lock of one session on one date and draws its next sequence number. The row is
 * created on first use; the UPDATE then holds a row lock on PostgreSQL (the write lock on
 * SQLite) until the transaction ends, so the count-then-insert after it cannot interleave.
 * A rollback returns the number.
 */
export async function lockSessionDay(db: Executor, officeId: number, sessionId: number, date: string): Promise<number> {
  await db
    .insertInto('session_days')
    .values({ office_id: officeId, session_id: sessionId, date, last_number: 0 })
    .onConflict((oc) => oc.columns(['session_id', 'date']).doNothing())
    .execute();
  const row = await db
    .updateTable('session_days')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('session_id', '=', sessionId)
    .where('date', '=', date)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** Active bookings in one session on one date. */
export async function countActiveInSession(db: Executor, officeId: number, sessionId: number, date: string): Promise<number> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('office_id', '=', officeId)
    .where('session_id', '=', sessionId)
    .where('date', '=', date)
    .where('status', 'in', ACTIVE_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active bookings per date and session over a range, for availability. */
export async function countActiveBetween(
  db: Executor,
  officeId: number,
  from: string,
  to: string,
): Promise<{ date: string; sessionId: number; count: number }[]> {
  const rows = await db
    .selectFrom('bookings')
    .select(['date', 'session_id'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('office_id', '=', officeId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('status', 'in', ACTIVE_STATUSES)
    .groupBy(['date', 'session_id'])
    .execute();
  return rows.map((r) => ({ date: r.date, sessionId: Number(r.session_id), count: Number(r.n) }));
}

/** Adds a booking and returns its id. */
export async function insertBooking(db: Executor, booking: NewBooking): Promise<number> {
  const row = await db.insertInto('bookings').values(booking).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a booking's status, only if it is still in the status the caller saw; returns whether it did. */
export async function updateBookingStatus(
  db: Executor,
  id: number,
  from: string,
  to: string,
  at: string,
  extra: { checked_in_at?: string; priority?: string | null } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('bookings')
    .set({ status: to, updated_at: at, ...extra })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a booking to another date and session under a new queue number. */
export async function moveBooking(
  db: Executor,
  id: number,
  to: { date: string; sessionId: number; queueNumber: string; at: string },
): Promise<void> {
  await db
    .updateTable('bookings')
    .set({ date: to.date, session_id: to.sessionId, queue_number: to.queueNumber, updated_at: to.at })
    .where('id', '=', id)
    .execute();
}

/**
 * Bookings of a NIK that are still active although their day is over become no-shows, so a
 * missed day never blocks the person from booking again.
 */
export async function expireStaleBookingsOfNik(db: Executor, officeId: number, nik: string, today: string, at: string): Promise<void> {
  await db
    .updateTable('bookings')
    .set({ status: 'no_show', updated_at: at })
    .where('office_id', '=', officeId)
    .where('nik', '=', nik)
    .where('date', '<', today)
    .where('status', 'in', ACTIVE_STATUSES)
    .execute();
}

/** Records a change of a booking: the basis of every report. */
export async function insertBookingEvent(db: Executor, event: Insertable<BookingEventsTable>): Promise<void> {
  await db.insertInto('booking_events').values(event).execute();
}

/** The booking an idempotency key produced, with the fingerprint of the request that made it. */
export function findIdempotencyKey(db: Executor, key: string) {
  return db.selectFrom('idempotency_keys').select(['request_hash', 'booking_id']).where('key', '=', key).executeTakeFirst();
}

/** Remembers which booking a key produced; fails on a key used before. */
export async function insertIdempotencyKey(db: Executor, key: string, requestHash: string, bookingId: number, at: string): Promise<void> {
  await db.insertInto('idempotency_keys').values({ key, request_hash: requestHash, booking_id: bookingId, created_at: at }).execute();
}

export const UNIQUE_ACTIVE_NIK = { name: 'bookings_one_active_per_nik', sqliteColumns: 'bookings.office_id, bookings.nik' };
export const UNIQUE_BOOKING_CODE = { name: 'bookings_code_key', sqliteColumns: 'bookings.code' };
export const UNIQUE_IDEMPOTENCY_KEY = { name: 'idempotency_keys_pkey', sqliteColumns: 'idempotency_keys.key' };

/** Forgets idempotency keys made before an instant; returns how many. */
export async function deleteIdempotencyKeysBefore(db: Executor, before: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
