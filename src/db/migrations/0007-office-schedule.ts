import { type Kysely, sql } from 'kysely';

/**
 * Sessions per weekday and per date. A row of `sessions` becomes the identity of a time slot
 * (its letter, start and end): bookings keep pointing at it, so changing the schedule never
 * touches a booking. Which slots open on which weekday, and with how many places, moves to
 * `weekly_sessions`; `day_sessions` replaces a week's sessions on one date. Today's offices
 * get a weekly row for each active session on each open weekday, with its places as they were.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('weekly_sessions')
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('weekly_sessions_pk', ['office_id', 'weekday', 'session_id'])
    .execute();

  await db.schema
    .createTable('day_sessions')
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('day_sessions_pk', ['office_id', 'date', 'session_id'])
    .execute();

  // Places held back from online booking for the desk (walk-ins, people without a phone).
  await db.schema.alterTable('offices').addColumn('desk_share_percent', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  // `open_weekdays` is a comma list of ISO weekdays; each one gets the office's active sessions.
  for (let weekday = 1; weekday <= 7; weekday++) {
    await sql`
      insert into weekly_sessions (office_id, weekday, session_id, capacity)
      select s.office_id, ${weekday}, s.id, s.capacity
      from sessions s join offices o on o.id = s.office_id
      where s.active = 1 and (',' || o.open_weekdays || ',') like ${`%,${weekday},%`}
    `.execute(db);
  }
}
