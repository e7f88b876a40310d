import type { ExpressionBuilder, Insertable } from 'kysely';
import { ACTIVE_STATUSES, type TicketStatus } from '../../domain/ticket-status.js';
import type { BookingEventsTable, BookingRow, Database, NewBooking } from '../schema.js';
import { dataCipher } from '../../privacy/data-cipher.js';
import { preparedQuery } from '../prepared-query.js';
import type { Executor } from './offices.js';

/**
 * A booking row with its NIK, phone and email opened. Every function here that hands out
 * bookings does it, so use cases see clear values and never a sealed one.
 */
export function openBooking<T extends { nik: string; phone: string; email: string | null; key_id: string | null }>(row: T): T {
  if (row.key_id === null) return row;
  const cipher = dataCipher();
  // An empty value (no phone; data erased after its retention period) is stored empty, not sealed.
  const open = (value: string) => (value === '' ? '' : cipher.open(value));
  return { ...row, nik: open(row.nik), phone: open(row.phone), email: row.email === null ? null : open(row.email) };
}

/** The keyed hash a NIK is found by (`bookings.nik_hmac`). */
export function nikLookupHash(nik: string): string {
  return dataCipher().lookupHash(nik);
}

/** The keyed hash a `628…` phone number is found by (`bookings.phone_hmac`). */
export function phoneLookupHash(phone: string): string {
  return dataCipher().lookupHash(phone);
}

/** A booking with the office, service and session facts that every presentation needs. */
export interface BookingView extends BookingRow {
  office_slug: string;
  office_name: string;
  office_timezone: string;
  service_code: string;
  service_name: string;
  service_name_en: string;
  service_documents: string;
  service_documents_en: string;
  service_eligibility: string;
  service_eligibility_en: string;
  session_letter: string;
  session_start: string;
  session_end: string;
}

/** Bookings with the office, service and session facts of a BookingView, to narrow further; rows come sealed, pass them through `openBooking`. */
export function bookingViewQuery(db: Executor) {
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
      'services.documents_en as service_documents_en',
      'services.eligibility as service_eligibility',
      'services.eligibility_en as service_eligibility_en',
      'sessions.letter as session_letter',
      'sessions.start_time as session_start',
      'sessions.end_time as session_end',
    ]);
}

// Built once: a ticket page or a lookup reads one booking by its code, and building the view's
// joins and aliases in Kysely took about as long as SQLite took to read the row.
const bookingByCode = preparedQuery((db, v: { code: string }) => bookingViewQuery(db).where('bookings.code', '=', v.code));
const bookingById = preparedQuery((db, v: { id: number }) => bookingViewQuery(db).where('bookings.id', '=', v.id));

/** The booking with that code, with its office, service and session. */
export async function findBookingByCode(db: Executor, code: string): Promise<BookingView | undefined> {
  const [row] = (await bookingByCode(db, { code })).rows;
  return row && openBooking(row);
}

/** The booking with that id, with its office, service and session. */
export async function findBookingById(db: Executor, id: number): Promise<BookingView | undefined> {
  const [row] = (await bookingById(db, { id })).rows;
  return row && openBooking(row);
}

/** The NIK's active booking at an office, if it holds one. */
export async function findActiveBookingByNik(db: Executor, officeId: number, nik: string): Promise<BookingView | undefined> {
  const row = await bookingViewQuery(db)
    .where('bookings.office_id', '=', officeId)
    .where('bookings.nik_hmac', '=', nikLookupHash(nik))
    .where('bookings.status', 'in', ACTIVE_STATUSES)
    .executeTakeFirst();
  return row && openBooking(row);
}

/** Every active booking of a NIK, at any office, in the order of their day. */
export async function listActiveBookingsOfNik(db: Executor, nik: string): Promise<BookingView[]> {
  const rows = await bookingViewQuery(db)
    .where('bookings.nik_hmac', '=', nikLookupHash(nik))
    .where('bookings.status', 'in', ACTIVE_STATUSES)
    .orderBy('bookings.date')
    .orderBy('sessions.start_time')
    .execute();
  return rows.map(openBooking);
}

/**
 * Takes the lock of one session on one date and draws its next sequence number. The row is
 * created on first use, in the same upsert that counts on; it holds the row's lock on PostgreSQL
 * (the write lock on SQLite) until the transaction ends, so the count-then-insert after it
 * cannot interleave.
 * A rollback returns the number.
 */
export async function lockSessionDay(db: Executor, officeId: number, sessionId: number, date: string): Promise<number> {
  const { rows } = await nextSessionNumber(db, { officeId, sessionId, date });
  return Number(rows[0]!.last_number);
}

// One statement: the first booking of the session's day creates the row with number 1.
const nextSessionNumber = preparedQuery((db, v: { officeId: number; sessionId: number; date: string }) =>
  db
    .insertInto('session_days')
    .values({ office_id: v.officeId, session_id: v.sessionId, date: v.date, last_number: 1 })
    .onConflict((oc) => oc.columns(['session_id', 'date']).doUpdateSet((eb) => ({ last_number: eb('session_days.last_number', '+', 1) })))
    .returning('last_number'),
);

/** Active bookings in one session on one date. */
export async function countActiveInSession(db: Executor, officeId: number, sessionId: number, date: string): Promise<number> {
  const { rows } = await activeInSession(db, { officeId, sessionId, date });
  return Number(rows[0]!.n);
}

const activeInSession = preparedQuery((db, v: { officeId: number; sessionId: number; date: string }) =>
  db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('office_id', '=', v.officeId)
    .where('session_id', '=', v.sessionId)
    .where('date', '=', v.date)
    .where('status', 'in', ACTIVE_STATUSES),
);

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

/**
 * Adds a booking, its NIK, phone and email sealed with the data key, and returns the row as
 * stored (defaults included) with those values in clear, as `openBooking` would give them:
 * no read back, no opening of what was just sealed.
 */
export async function insertBooking(db: Executor, booking: Omit<NewBooking, 'nik_hmac' | 'phone_hmac' | 'key_id'>): Promise<BookingRow> {
  const cipher = dataCipher();
  // An empty value (a desk booking for someone without a phone) stays empty: it says nothing about anyone.
  const seal = (value: string) => (value === '' ? '' : cipher.seal(value));
  const email = booking.email ?? null;
  const sealed: NewBooking = {
    ...booking,
    nik: seal(booking.nik),
    nik_hmac: cipher.lookupHash(booking.nik),
    phone: seal(booking.phone),
    phone_hmac: booking.phone === '' ? null : cipher.lookupHash(booking.phone),
    email: email === null ? null : seal(email),
    key_id: cipher.keyId,
  };
  const { rows } = await insertBookingRow(db, sealed);
  return { ...rows[0]!, nik: booking.nik, phone: booking.phone, email };
}

const insertBookingRow = preparedQuery((db, row: NewBooking) => db.insertInto('bookings').values(row).returningAll());

/** Fields a status change may set besides the status. */
export interface BookingChanges {
  checked_in_at?: string;
  priority?: string | null;
  counter_number?: number | null;
  called_at?: string;
  service_id?: number;
  date?: string;
  session_id?: number;
  queue_number?: string;
  /** `HH:MM` before which the ticket is not called; null: at once. */
  call_from?: string | null;
  /** Count one more return to the line after a skip. */
  countRequeue?: boolean;
  /** The counter that sent the ticket to another service's line; cleared when it is called. */
  transferred_from_counter?: number | null;
}

/** Conditions a status change needs besides the status it starts from. */
export interface BookingConditions {
  /** The ticket is still of that day. */
  date?: string;
  /** The ticket is still held by that counter. */
  counterNumber?: number;
  /** The ticket was put back in line fewer times than this. */
  requeuedFewerThan?: number;
}

/**
 * Changes a booking's status only if it still has the status the caller saw (and meets the
 * extra conditions), in one statement, so a racing change makes this one miss instead of
 * overwrite it. Returns where the booking stands afterwards, or undefined when it missed.
 */
export async function changeBookingStatus(
  db: Executor,
  id: number,
  change: { from: TicketStatus; to: TicketStatus; at: string; set?: BookingChanges; where?: BookingConditions },
): Promise<{ office_id: number; date: string; session_id: number; queue_number: string } | undefined> {
  const { countRequeue, ...set } = change.set ?? {};
  let q = db
    .updateTable('bookings')
    .set((eb) => ({ ...set, status: change.to, updated_at: change.at, ...(countRequeue ? { requeue_count: eb('requeue_count', '+', 1) } : {}) }))
    .where('id', '=', id)
    .where('status', '=', change.from);
  const where = change.where ?? {};
  if (where.date !== undefined) q = q.where('date', '=', where.date);
  if (where.counterNumber !== undefined) q = q.where('counter_number', '=', where.counterNumber);
  if (where.requeuedFewerThan !== undefined) q = q.where('requeue_count', '<', where.requeuedFewerThan);
  return q.returning(['office_id', 'date', 'session_id', 'queue_number']).executeTakeFirst();
}

/** Bookings of a NIK still active although their day is over: the day closer has not reached them yet. */
export function listStaleBookingsOfNik(db: Executor, officeId: number, nik: string, today: string) {
  return db
    .selectFrom('bookings')
    .select(['id', 'status'])
    .where('office_id', '=', officeId)
    .where('nik_hmac', '=', nikLookupHash(nik))
    .where('date', '<', today)
    .where('status', 'in', ACTIVE_STATUSES)
    .execute();
}

/**
 * The NIK's active bookings at an office, as id, status and date only: what a new booking must
 * check (one active booking per NIK; those of past days are closed first). One indexed read
 * instead of the stale list and the joined, opened active booking.
 */
export async function listActiveOfNikAt(db: Executor, officeId: number, nik: string): Promise<{ id: number; status: TicketStatus; date: string }[]> {
  return (await activeOfNikAt(db, { officeId, nikHmac: nikLookupHash(nik) })).rows;
}

const activeOfNikAt = preparedQuery((db, v: { officeId: number; nikHmac: string }) =>
  db.selectFrom('bookings').select(['id', 'status', 'date']).where('office_id', '=', v.officeId).where('nik_hmac', '=', v.nikHmac).where('status', 'in', ACTIVE_STATUSES),
);

/** Records a change of a booking: the basis of every report. */
export async function insertBookingEvent(db: Executor, event: Insertable<BookingEventsTable>): Promise<void> {
  await insertBookingEventRow(db, event);
}

const insertBookingEventRow = preparedQuery((db, event: Insertable<BookingEventsTable>) => db.insertInto('booking_events').values(event));

/** The booking an idempotency key produced, with the fingerprint of the request that made it. */
export function findIdempotencyKey(db: Executor, key: string) {
  return db.selectFrom('idempotency_keys').select(['request_hash', 'booking_id']).where('key', '=', key).executeTakeFirst();
}

/** Remembers which booking a key produced; fails on a key used before. */
export async function insertIdempotencyKey(db: Executor, key: string, requestHash: string, bookingId: number, at: string): Promise<void> {
  await db.insertInto('idempotency_keys').values({ key, request_hash: requestHash, booking_id: bookingId, created_at: at }).execute();
}

/**
 * Online bookings made at the office between two instants (ISO, `from` included, `to` not) by a
 * NIK and with a phone number, found by their keyed hashes: two counts in one statement, each
 * through its own index (one count of `nik OR phone` was planned by SQLite as a scan of the
 * office's bookings). Cancelled ones hold no place and are not counted: changing one's mind is
 * not hoarding. A side left out (null) counts 0.
 */
export async function countOnlineBookingsMadeBy(
  db: Executor,
  who: { officeId: number; nik: string | null; phone: string | null },
  from: string,
  to: string,
): Promise<{ byNik: number; byPhone: number }> {
  const count = (eb: ExpressionBuilder<Database, never>, column: 'nik_hmac' | 'phone_hmac', hash: string) =>
    eb
      .selectFrom('bookings')
      .select((e) => e.fn.countAll<string | number>().as('n'))
      .where('office_id', '=', who.officeId)
      .where(column, '=', hash)
      .where('channel', '=', 'online')
      .where('status', '!=', 'cancelled')
      .where('created_at', '>=', from)
      .where('created_at', '<', to);
  const { nik, phone } = who;
  if (nik === null && phone === null) return { byNik: 0, byPhone: 0 };
  const row = await db
    .selectNoFrom((eb) => [
      (nik === null ? eb.val(0) : count(eb, 'nik_hmac', nikLookupHash(nik))).as('by_nik'),
      (phone === null ? eb.val(0) : count(eb, 'phone_hmac', phoneLookupHash(phone))).as('by_phone'),
    ])
    .executeTakeFirstOrThrow();
  return { byNik: Number(row.by_nik ?? 0), byPhone: Number(row.by_phone ?? 0) };
}

/** The dates of the NIK's no-shows at the office on or after `from`, newest first. */
export async function listNoShowDatesOfNik(db: Executor, officeId: number, nik: string, from: string): Promise<string[]> {
  const rows = await db
    .selectFrom('bookings')
    .select('date')
    .where('office_id', '=', officeId)
    .where('nik_hmac', '=', nikLookupHash(nik))
    .where('status', '=', 'no_show')
    .where('date', '>=', from)
    .orderBy('date', 'desc')
    .execute();
  return rows.map((r) => r.date);
}

export const UNIQUE_ACTIVE_NIK = { name: 'bookings_one_active_per_nik_hmac', sqliteColumns: 'bookings.office_id, bookings.nik_hmac' };
export const UNIQUE_BOOKING_CODE = { name: 'bookings_code_key', sqliteColumns: 'bookings.code' };
export const UNIQUE_IDEMPOTENCY_KEY = { name: 'idempotency_keys_pkey', sqliteColumns: 'idempotency_keys.key' };

/** Forgets idempotency keys made before an instant; returns how many. */
export async function deleteIdempotencyKeysBefore(db: Executor, before: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Bookings of one date with that status, with office, service and session. */
export async function listBookingsOn(db: Executor, officeId: number, date: string, status: TicketStatus): Promise<BookingView[]> {
  const rows = await bookingViewQuery(db).where('bookings.office_id', '=', officeId).where('bookings.date', '=', date).where('bookings.status', '=', status).execute();
  return rows.map(openBooking);
}

/** The sessions of one date that have drawn queue numbers: each holds a session_days lock row. */
export async function sessionIdsNumberedOn(db: Executor, officeId: number, date: string): Promise<number[]> {
  const rows = await db.selectFrom('session_days').select('session_id').where('office_id', '=', officeId).where('date', '=', date).execute();
  return rows.map((r) => Number(r.session_id));
}

const lastEventOf = preparedQuery((db, v: { bookingId: number }) =>
  db.selectFrom('booking_events').select(['type', 'at', 'note']).where('booking_id', '=', v.bookingId).orderBy('at', 'desc').orderBy('id', 'desc').limit(1),
);

/** The latest recorded change of a booking. */
export async function lastBookingEvent(db: Executor, bookingId: number) {
  const [row] = (await lastEventOf(db, { bookingId })).rows;
  return row;
}

/**
 * Changes a booking's priority or service, only while it has one of `statuses`, in one
 * statement (a call racing the change makes it miss). Not a status change: the caller records
 * who did it in the audit log. Returns whether the row changed.
 */
export async function changeBookingDetails(
  db: Executor,
  id: number,
  change: { statuses: readonly TicketStatus[]; at: string; set: { priority?: string | null; service_id?: number } },
): Promise<boolean> {
  const result = await db
    .updateTable('bookings')
    .set({ ...change.set, updated_at: change.at })
    .where('id', '=', id)
    .where('status', 'in', change.statuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
