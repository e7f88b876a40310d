import { sql } from 'kysely';
import { ACTIVE_STATUSES, type TicketStatus } from '../../domain/ticket-status.js';
import type { Executor } from './offices.js';
import { bookingViewQuery, type BookingView, findBookingById, nikLookupHash, openBooking } from './bookings.js';

/** A checked-in ticket as the calling order sees it. */
export interface WaitingRow {
  id: number;
  priority: string | null;
  session_start: string;
  checked_in_at: string;
  service_id: number;
  /** `HH:MM` before which this ticket is not called (checked in early); null: at once. */
  call_from: string | null;
  /** The counter that transferred it here, if it came by a transfer. */
  transferred_from_counter: number | null;
}

/** Tickets waiting today at an office, limited to some services when given. */
export function listWaiting(db: Executor, officeId: number, date: string, serviceIds: number[] | null): Promise<WaitingRow[]> {
  let q = db
    .selectFrom('bookings')
    .innerJoin('sessions', 'sessions.id', 'bookings.session_id')
    .select(['bookings.id', 'bookings.priority', 'sessions.start_time as session_start', 'bookings.checked_in_at', 'bookings.service_id', 'bookings.call_from', 'bookings.transferred_from_counter'])
    .where('bookings.office_id', '=', officeId)
    .where('bookings.date', '=', date)
    .where('bookings.status', '=', 'checked_in');
  if (serviceIds && serviceIds.length) q = q.where('bookings.service_id', 'in', serviceIds);
  return q.execute().then((rows) =>
    rows.map((r) => ({ ...r, checked_in_at: r.checked_in_at ?? '', transferred_from_counter: r.transferred_from_counter === null ? null : Number(r.transferred_from_counter) })),
  );
}

/** How many people are waiting today: checked in and not called yet. */
export async function countWaiting(db: Executor, officeId: number, date: string): Promise<number> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('office_id', '=', officeId)
    .where('date', '=', date)
    .where('status', '=', 'checked_in')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ticket a counter has called or is serving today, if any. */
export async function findCounterTicket(db: Executor, officeId: number, date: string, counterNumber: number): Promise<BookingView | undefined> {
  const row = await db
    .selectFrom('bookings')
    .select('id')
    .where('office_id', '=', officeId)
    .where('date', '=', date)
    .where('counter_number', '=', counterNumber)
    .where('status', 'in', ['called', 'serving'])
    // Call-next keeps it to one; should an old fault have left two, act on the latest call.
    .orderBy('called_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? findBookingById(db, row.id) : undefined;
}

/**
 * Bookings matching a code, a NIK, a queue number or part of a name, in the order the desk
 * needs them: today's first (by queue number), then upcoming days (soonest first), then past
 * ones (latest first). At most `limit`; `more` says whether others matched too.
 */
export async function searchBookings(
  db: Executor,
  officeId: number,
  by: { code?: string; nik?: string; queueNumber?: string; name?: string },
  today: string,
  limit = 20,
): Promise<{ bookings: BookingView[]; more: boolean }> {
  let q = db.selectFrom('bookings').select('id').where('office_id', '=', officeId);
  if (by.code) q = q.where('code', '=', by.code);
  else if (by.nik) q = q.where('nik_hmac', '=', nikLookupHash(by.nik));
  else if (by.queueNumber) q = q.where('queue_number', '=', by.queueNumber);
  else if (by.name) q = q.where(sql`lower(name)`, 'like', `%${by.name.toLowerCase().replace(/[%_\\]/g, '')}%`);
  else return { bookings: [], more: false };
  const rows = await q
    .orderBy(sql`case when date = ${today} then 0 when date > ${today} then 1 else 2 end`)
    // Upcoming days soonest first; the others have no value here and fall to the next key.
    .orderBy(sql`case when date > ${today} then date end`)
    .orderBy('date', 'desc')
    .orderBy('queue_number')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const views = await Promise.all(rows.slice(0, limit).map((r) => findBookingById(db, r.id)));
  return { bookings: views.filter((v): v is BookingView => v !== undefined), more: rows.length > limit };
}

/** Every booking of an office on one day but the cancelled ones, in session and number order: the desk's list of today. */
export async function listDayTickets(db: Executor, officeId: number, date: string): Promise<BookingView[]> {
  const rows = await bookingViewQuery(db)
    .where('bookings.office_id', '=', officeId)
    .where('bookings.date', '=', date)
    .where('bookings.status', '!=', 'cancelled')
    .orderBy('sessions.start_time')
    .orderBy('bookings.queue_number')
    .execute();
  return rows.map(openBooking);
}

/** An office's tickets of one day in one status, most recently changed first. */
export async function listTicketsInStatus(db: Executor, officeId: number, date: string, status: TicketStatus, limit = 50): Promise<BookingView[]> {
  const rows = await db
    .selectFrom('bookings')
    .select('id')
    .where('office_id', '=', officeId)
    .where('date', '=', date)
    .where('status', '=', status)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const views = await Promise.all(rows.map((r) => findBookingById(db, r.id)));
  return views.filter((v): v is BookingView => v !== undefined);
}

/** The latest calls today, newest first, for the display board. */
export async function recentCalls(db: Executor, officeId: number, since: string, limit: number) {
  return db
    .selectFrom('booking_events')
    .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
    .select(['bookings.queue_number', 'booking_events.counter_number', 'booking_events.at', 'booking_events.type'])
    .where('booking_events.office_id', '=', officeId)
    .where('booking_events.type', 'in', ['called', 'recalled'])
    .where('booking_events.at', '>=', since)
    .orderBy('booking_events.at', 'desc')
    .orderBy('booking_events.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Active tickets of days before `today` (and today's never-arrived ones when
 * `todayBookedAlso`), for the day closer to close by the day-end rule.
 */
export async function listOverdue(db: Executor, officeId: number, today: string, todayBookedAlso: boolean) {
  let q = db
    .selectFrom('bookings')
    .select(['id', 'status'])
    .where('office_id', '=', officeId)
    .where('status', 'in', ACTIVE_STATUSES);
  q = todayBookedAlso
    ? q.where((eb) => eb.or([eb('date', '<', today), eb.and([eb('date', '=', today), eb('status', '=', 'booked')])]))
    : q.where('date', '<', today);
  return q.execute();
}

/** The latest skip a counter made today of a ticket still skipped: the one its clerk may take back. */
export async function findLastSkip(db: Executor, officeId: number, date: string, counterNumber: number): Promise<{ bookingId: number; at: string } | undefined> {
  const row = await db
    .selectFrom('booking_events')
    .innerJoin('bookings', 'bookings.id', 'booking_events.booking_id')
    .select(['booking_events.booking_id', 'booking_events.at'])
    .where('booking_events.office_id', '=', officeId)
    .where('booking_events.type', '=', 'skipped')
    .where('booking_events.counter_number', '=', counterNumber)
    .where('bookings.date', '=', date)
    .where('bookings.status', '=', 'skipped')
    .orderBy('booking_events.at', 'desc')
    .orderBy('booking_events.id', 'desc')
    .executeTakeFirst();
  return row ? { bookingId: Number(row.booking_id), at: row.at } : undefined;
}
