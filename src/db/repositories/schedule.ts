import type { Insertable } from 'kysely';
import { ACTIVE_STATUSES } from '../../domain/ticket-status.js';
import type { DaySessionsTable, OfficeRow, SessionRow, WeeklySessionsTable } from '../schema.js';
import { preparedQuery } from '../prepared-query.js';
import type { Executor } from './offices.js';

/** A session as the schedule opens it, with the places it has there. */
export interface ScheduledSession {
  session_id: number;
  letter: string;
  start_time: string;
  end_time: string;
  capacity: number;
}

/** The office's weekly sessions, by weekday and in the order of the day. */
export async function listWeeklySessions(db: Executor, officeId: number): Promise<(ScheduledSession & { weekday: number })[]> {
  const rows = await db
    .selectFrom('weekly_sessions as w')
    .innerJoin('sessions as s', 's.id', 'w.session_id')
    .select(['w.weekday', 'w.session_id', 's.letter', 's.start_time', 's.end_time', 'w.capacity'])
    .where('w.office_id', '=', officeId)
    .orderBy('w.weekday')
    .orderBy('s.start_time')
    .execute();
  return rows.map((r) => ({ ...r, weekday: Number(r.weekday), session_id: Number(r.session_id), capacity: Number(r.capacity) }));
}

/** The dates between `from` and `to` (both included) that have sessions of their own, with them. */
export async function listDaySessions(db: Executor, officeId: number, from: string, to: string): Promise<(ScheduledSession & { date: string })[]> {
  const rows = await db
    .selectFrom('day_sessions as d')
    .innerJoin('sessions as s', 's.id', 'd.session_id')
    .select(['d.date', 'd.session_id', 's.letter', 's.start_time', 's.end_time', 'd.capacity'])
    .where('d.office_id', '=', officeId)
    .where('d.date', '>=', from)
    .where('d.date', '<=', to)
    .orderBy('d.date')
    .orderBy('s.start_time')
    .execute();
  return rows.map((r) => ({ ...r, session_id: Number(r.session_id), capacity: Number(r.capacity) }));
}

/** The office settings read with a session's places: its release rules and its zone. */
export interface SessionPlaceRules {
  office: Pick<OfficeRow, 'desk_share_percent' | 'booking_days_ahead' | 'release_time' | 'draw_seconds' | 'release_waves' | 'timezone'>;
}

/** One session on one date as it stands: its places, the office's rules, what it holds, whether the date is closed. */
export interface SessionDay extends SessionPlaceRules {
  capacity: number;
  deskSharePercent: number;
  /** Active bookings of the session on the date. */
  active: number;
  /** Whether the date is closed (a holiday or a closure). */
  closed: boolean;
}

/**
 * The places of one session on one date as the schedule stands now, with the office's desk
 * share and release rules, the session's active bookings and whether the date is closed, or
 * undefined when the session does not open that date. The date's own sessions, when it has
 * any, replace its weekday's. One statement: it runs while the session's lock is held, so every
 * round trip counts.
 */
export async function readSessionDay(db: Executor, v: { officeId: number; sessionId: number; date: string; weekday: number }): Promise<SessionDay | undefined> {
  const row = (await sessionDay(db, v)).rows[0];
  if (!row) return undefined;
  const capacity = Number(row.own_sessions) > 0 ? row.own_capacity : row.weekly_capacity;
  if (capacity === null || capacity === undefined) return undefined;
  const { own_sessions: _own, own_capacity: _capacity, weekly_capacity: _weekly, active, closed, ...office } = row;
  return { capacity: Number(capacity), deskSharePercent: Number(row.desk_share_percent), office, active: Number(active), closed: Number(closed) > 0 };
}

const sessionDay = preparedQuery((db, v: { officeId: number; sessionId: number; date: string; weekday: number }) =>
  db
    .selectFrom('offices as o')
    .select((eb) => [
      'o.desk_share_percent',
      'o.booking_days_ahead',
      'o.release_time',
      'o.draw_seconds',
      'o.release_waves',
      'o.timezone',
      eb
        .selectFrom('day_sessions')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .where('office_id', '=', v.officeId)
        .where('date', '=', v.date)
        .as('own_sessions'),
      eb
        .selectFrom('day_sessions')
        .select('capacity')
        .where('office_id', '=', v.officeId)
        .where('date', '=', v.date)
        .where('session_id', '=', v.sessionId)
        .as('own_capacity'),
      eb
        .selectFrom('weekly_sessions')
        .select('capacity')
        .where('office_id', '=', v.officeId)
        .where('weekday', '=', v.weekday)
        .where('session_id', '=', v.sessionId)
        .as('weekly_capacity'),
      eb
        .selectFrom('bookings')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .where('office_id', '=', v.officeId)
        .where('session_id', '=', v.sessionId)
        .where('date', '=', v.date)
        .where('status', 'in', ACTIVE_STATUSES)
        .as('active'),
      eb
        .selectFrom('closed_days')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .where('office_id', '=', v.officeId)
        .where('date', '=', v.date)
        .as('closed'),
    ])
    .where('o.id', '=', v.officeId),
);

/** Every session row of an office, retired ones included. */
export function listOfficeSessions(db: Executor, officeId: number): Promise<SessionRow[]> {
  return db.selectFrom('sessions').selectAll().where('office_id', '=', officeId).orderBy('letter').execute();
}

/** Adds a session slot and returns its id. */
export async function insertSession(db: Executor, officeId: number, letter: string, start: string, end: string, capacity: number): Promise<number> {
  const row = await db
    .insertInto('sessions')
    .values({ office_id: officeId, letter, start_time: start, end_time: end, capacity, active: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Gives a retired slot another letter, freeing its own for a new slot. */
export async function renameSessionLetter(db: Executor, sessionId: number, letter: string): Promise<void> {
  await db.updateTable('sessions').set({ letter }).where('id', '=', sessionId).execute();
}

/** Ids of the slots an office still uses: in its week, in dates from `from` on, or held by bookings from `from` on (any status, since numbers stay taken). */
export async function sessionIdsInUse(db: Executor, officeId: number, from: string): Promise<Set<number>> {
  const [weekly, days, booked] = await Promise.all([
    db.selectFrom('weekly_sessions').select('session_id').where('office_id', '=', officeId).execute(),
    db.selectFrom('day_sessions').select('session_id').where('office_id', '=', officeId).where('date', '>=', from).execute(),
    db.selectFrom('bookings').select('session_id').distinct().where('office_id', '=', officeId).where('date', '>=', from).execute(),
  ]);
  return new Set([...weekly, ...days, ...booked].map((r) => Number(r.session_id)));
}

/** Replaces the office's whole week. */
export async function replaceWeeklySessions(db: Executor, officeId: number, rows: Insertable<WeeklySessionsTable>[]): Promise<void> {
  await db.deleteFrom('weekly_sessions').where('office_id', '=', officeId).execute();
  if (rows.length) await db.insertInto('weekly_sessions').values(rows).execute();
}

/** Replaces one date's own sessions; no rows leaves the date to its weekday. */
export async function replaceDaySessions(db: Executor, officeId: number, date: string, rows: Insertable<DaySessionsTable>[]): Promise<void> {
  await db.deleteFrom('day_sessions').where('office_id', '=', officeId).where('date', '=', date).execute();
  if (rows.length) await db.insertInto('day_sessions').values(rows).execute();
}

/** Writes the office's open weekdays, kept beside the week for code that only asks which days open. */
export async function setOpenWeekdays(db: Executor, officeId: number, weekdays: number[]): Promise<void> {
  await db.updateTable('offices').set({ open_weekdays: weekdays.join(',') }).where('id', '=', officeId).execute();
}

/**
 * Locks the office's row until the transaction ends: configuration changes of one office then
 * run one after the other. A no-op UPDATE, so it works on both engines (see lockEnabledAdmins).
 */
export async function lockOffice(db: Executor, officeId: number): Promise<void> {
  await db
    .updateTable('offices')
    .set((eb) => ({ slug: eb.ref('slug') }))
    .where('id', '=', officeId)
    .execute();
}

/**
 * Takes the booking locks (`session_days` rows) of the office's sessions from `from` on, first
 * creating those of the given slots, so that no booking is between its quota check and its
 * commit while places change, and every later one reads the new places (see lockSessionDay).
 */
export async function lockSessionDaysFrom(db: Executor, officeId: number, from: string, slots: { sessionId: number; date: string }[]): Promise<void> {
  for (let i = 0; i < slots.length; i += 200) {
    const chunk = slots.slice(i, i + 200).map((s) => ({ office_id: officeId, session_id: s.sessionId, date: s.date, last_number: 0 }));
    await db
      .insertInto('session_days')
      .values(chunk)
      .onConflict((oc) => oc.columns(['session_id', 'date']).doNothing())
      .execute();
  }
  await db
    .updateTable('session_days')
    .set((eb) => ({ last_number: eb.ref('last_number') }))
    .where('office_id', '=', officeId)
    .where('date', '>=', from)
    .execute();
}

/** Active bookings per date and session from `from` on. */
export async function countActiveFrom(db: Executor, officeId: number, from: string): Promise<{ date: string; sessionId: number; count: number }[]> {
  const rows = await db
    .selectFrom('bookings')
    .select(['date', 'session_id'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('office_id', '=', officeId)
    .where('date', '>=', from)
    .where('status', 'in', ACTIVE_STATUSES)
    .groupBy(['date', 'session_id'])
    .execute();
  return rows.map((r) => ({ date: r.date, sessionId: Number(r.session_id), count: Number(r.n) }));
}

/** End times of the sessions that active bookings of a date hold, whether or not the schedule still opens them. */
export async function bookedSessionEnds(db: Executor, officeId: number, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('sessions', 'sessions.id', 'bookings.session_id')
    .select('sessions.end_time')
    .distinct()
    .where('bookings.office_id', '=', officeId)
    .where('bookings.date', '=', date)
    .where('bookings.status', 'in', ACTIVE_STATUSES)
    .execute();
  return rows.map((r) => r.end_time);
}
