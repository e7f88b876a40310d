import { type ExpressionBuilder, sql } from 'kysely';
import type { TicketStatus } from '../../domain/ticket-status.js';
import type { Database } from '../schema.js';
import type { Executor } from './offices.js';

/*
 * The report's reads. Counting is done here, in SQL, so a year of an office's bookings
 * (~50,000 rows, ~250,000 events) comes back as a few thousand aggregate rows; only the visit
 * times come one row per visit, since medians need every value. Every query is plain SQL that
 * SQLite and PostgreSQL read alike: GROUP BY, CASE, MIN/MAX on ISO text (which sorts as time),
 * and substr.
 */

type Channel = 'online' | 'desk' | 'walk_in';

/** Bookings of one channel and status, checked in or not. */
export interface OutcomeCountRow {
  channel: Channel;
  status: TicketStatus;
  checkedIn: boolean;
  count: number;
}

function checkedInFlag(eb: ExpressionBuilder<Database, 'bookings'>) {
  // Literals, not parameters: PostgreSQL matches the GROUP BY expression to the selected one only when they read the same.
  return eb.case().when('bookings.checked_in_at', 'is', null).then(sql.lit(0)).else(sql.lit(1)).end();
}

function inRange(officeId: number, from: string, to: string) {
  return (eb: ExpressionBuilder<Database, 'bookings'>) =>
    eb.and([eb('bookings.office_id', '=', officeId), eb('bookings.date', '>=', from), eb('bookings.date', '<=', to)]);
}

/** Outcomes of the office's bookings per date in the range, both dates included. */
export async function countOutcomesByDate(db: Executor, officeId: number, from: string, to: string): Promise<(OutcomeCountRow & { date: string })[]> {
  const rows = await db
    .selectFrom('bookings')
    .select((eb) => ['bookings.date', 'bookings.channel', 'bookings.status', checkedInFlag(eb).as('checked_in'), eb.fn.countAll<string | number>().as('n')])
    .where(inRange(officeId, from, to))
    .groupBy((eb) => ['bookings.date', 'bookings.channel', 'bookings.status', checkedInFlag(eb)])
    .execute();
  return rows.map((r) => ({ date: r.date, channel: r.channel, status: r.status, checkedIn: Number(r.checked_in) === 1, count: Number(r.n) }));
}

/** Outcomes of the office's bookings in the range per service. */
export async function countOutcomesByService(db: Executor, officeId: number, from: string, to: string): Promise<(OutcomeCountRow & { serviceId: number })[]> {
  const rows = await db
    .selectFrom('bookings')
    .select((eb) => ['bookings.service_id', 'bookings.channel', 'bookings.status', checkedInFlag(eb).as('checked_in'), eb.fn.countAll<string | number>().as('n')])
    .where(inRange(officeId, from, to))
    .groupBy((eb) => ['bookings.service_id', 'bookings.channel', 'bookings.status', checkedInFlag(eb)])
    .execute();
  return rows.map((r) => ({ serviceId: Number(r.service_id), channel: r.channel, status: r.status, checkedIn: Number(r.checked_in) === 1, count: Number(r.n) }));
}

/** Bookings that held a place (every one but the cancelled) per date and session. */
export async function countTakenPlaces(db: Executor, officeId: number, from: string, to: string): Promise<{ date: string; sessionId: number; count: number }[]> {
  const rows = await db
    .selectFrom('bookings')
    .select((eb) => ['bookings.date', 'bookings.session_id', eb.fn.countAll<string | number>().as('n')])
    .where(inRange(officeId, from, to))
    .where('bookings.status', '!=', 'cancelled')
    .groupBy(['bookings.date', 'bookings.session_id'])
    .execute();
  return rows.map((r) => ({ date: r.date, sessionId: Number(r.session_id), count: Number(r.n) }));
}

/** The moments of one visit, read from its events. */
export interface VisitTimesRow {
  date: string;
  serviceId: number;
  checkedInAt: string | null;
  firstCalledAt: string | null;
  lastCalledAt: string | null;
  doneAt: string | null;
  doneNote: string | null;
  doneCounter: number | null;
  doneUserId: number | null;
}

/** One row per booking in the range that was checked in, called or finished: its first check-in, first and last call, and finish. */
export async function listVisitTimes(db: Executor, officeId: number, from: string, to: string): Promise<VisitTimesRow[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('booking_events as e', 'e.booking_id', 'bookings.id')
    .select((eb) => {
      const when = (type: 'checked_in' | 'called' | 'done') => eb.case().when('e.type', '=', type);
      return [
        'bookings.id',
        'bookings.date',
        'bookings.service_id',
        eb.fn.min(when('checked_in').then(eb.ref('e.at')).end()).as('checked_in_at'),
        eb.fn.min(when('called').then(eb.ref('e.at')).end()).as('first_called_at'),
        eb.fn.max(when('called').then(eb.ref('e.at')).end()).as('last_called_at'),
        // A ticket is finished once; MAX picks that one event's fields.
        eb.fn.max(when('done').then(eb.ref('e.at')).end()).as('done_at'),
        eb.fn.max(when('done').then(eb.ref('e.note')).end()).as('done_note'),
        eb.fn.max(when('done').then(eb.ref('e.counter_number')).end()).as('done_counter'),
        eb.fn.max(when('done').then(eb.ref('e.user_id')).end()).as('done_user_id'),
      ];
    })
    .where(inRange(officeId, from, to))
    .where('e.type', 'in', ['checked_in', 'called', 'done'])
    .groupBy(['bookings.id', 'bookings.date', 'bookings.service_id'])
    .orderBy('bookings.id')
    .execute();
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    date: r.date,
    serviceId: Number(r.service_id),
    checkedInAt: r.checked_in_at ?? null,
    firstCalledAt: r.first_called_at ?? null,
    lastCalledAt: r.last_called_at ?? null,
    doneAt: r.done_at ?? null,
    doneNote: r.done_note ?? null,
    doneCounter: num(r.done_counter),
    doneUserId: num(r.done_user_id),
  }));
}

/** The counter events the report counts. */
const FLOOR_EVENTS = ['called', 'recalled', 'skipped', 'transferred', 'done'] as const;

/** Counter events of bookings in the range per counter, clerk and type. */
export async function countFloorEvents(
  db: Executor,
  officeId: number,
  from: string,
  to: string,
): Promise<{ counterNumber: number | null; userId: number | null; username: string | null; type: (typeof FLOOR_EVENTS)[number]; count: number }[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('booking_events as e', 'e.booking_id', 'bookings.id')
    .leftJoin('users', 'users.id', 'e.user_id')
    .select((eb) => ['e.counter_number', 'e.user_id', 'users.username', 'e.type', eb.fn.countAll<string | number>().as('n')])
    .where(inRange(officeId, from, to))
    .where('e.type', 'in', FLOOR_EVENTS)
    .groupBy(['e.counter_number', 'e.user_id', 'users.username', 'e.type'])
    .execute();
  return rows.map((r) => ({
    counterNumber: r.counter_number === null ? null : Number(r.counter_number),
    userId: r.user_id === null ? null : Number(r.user_id),
    username: r.username,
    type: r.type as (typeof FLOOR_EVENTS)[number],
    count: Number(r.n),
  }));
}

/** Check-ins and calls of bookings in the range per UTC hour (`YYYY-MM-DDTHH`, the first 13 characters of the instant). */
export async function countCheckInsAndCallsByUtcHour(
  db: Executor,
  officeId: number,
  from: string,
  to: string,
): Promise<{ utcHour: string; type: 'checked_in' | 'called'; count: number }[]> {
  const hour = sql<string>`substr(${sql.ref('e.at')}, 1, 13)`;
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('booking_events as e', 'e.booking_id', 'bookings.id')
    .select((eb) => [hour.as('utc_hour'), 'e.type', eb.fn.countAll<string | number>().as('n')])
    .where(inRange(officeId, from, to))
    .where('e.type', 'in', ['checked_in', 'called'])
    .groupBy([hour, 'e.type'])
    .execute();
  return rows.map((r) => ({ utcHour: r.utc_hour, type: r.type as 'checked_in' | 'called', count: Number(r.n) }));
}

/** Every session the office has had, switched off ones too, for naming the sessions old bookings sit in. */
export function listAllSessions(db: Executor, officeId: number) {
  return db.selectFrom('sessions').select(['id', 'letter', 'start_time', 'end_time']).where('office_id', '=', officeId).orderBy('start_time').execute();
}

/** Finished visits of bookings in the range by how they ended; finishes recorded without an outcome (older ones, day end) count under null. */
export async function countFinishOutcomes(db: Executor, officeId: number, from: string, to: string): Promise<{ outcome: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('booking_events as e', 'e.booking_id', 'bookings.id')
    .select((eb) => ['e.outcome', eb.fn.countAll<string | number>().as('n')])
    .where(inRange(officeId, from, to))
    .where('e.type', '=', 'done')
    .groupBy('e.outcome')
    .execute();
  return rows.map((r) => ({ outcome: r.outcome ?? null, count: Number(r.n) }));
}
