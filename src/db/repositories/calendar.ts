import type { Insertable } from 'kysely';
import type { CalendarYearsTable, ClosedDayRow, ClosedDaysTable } from '../schema.js';
import { preparedQuery } from '../prepared-query.js';
import type { Executor } from './offices.js';

/** Closed days of an office between two dates, both included. */
export async function closedDaysBetween(db: Executor, officeId: number, from: string, to: string): Promise<ClosedDayRow[]> {
  return (await closedDaysIn(db, { officeId, from, to })).rows;
}

const closedDaysIn = preparedQuery((db, v: { officeId: number; from: string; to: string }) =>
  db.selectFrom('closed_days').selectAll().where('office_id', '=', v.officeId).where('date', '>=', v.from).where('date', '<=', v.to).orderBy('date'),
);

/** Adds closed days, keeping any the office already has on the same date. */
export async function insertClosedDays(db: Executor, rows: Insertable<ClosedDaysTable>[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('closed_days')
    .values(rows)
    .onConflict((oc) => oc.columns(['office_id', 'date']).doNothing())
    .execute();
}

/** The years whose closed days were already loaded for an office. */
export async function loadedCalendarYears(db: Executor, officeId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('calendar_years').select('year').where('office_id', '=', officeId).execute();
  return new Set(rows.map((r) => Number(r.year)));
}

/** Records that a year's closed days were loaded, and from which source. */
export async function markCalendarYear(db: Executor, row: Insertable<CalendarYearsTable>): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values(row)
    .onConflict((oc) => oc.columns(['office_id', 'year']).doNothing())
    .execute();
}

/** One closed day per office and date. */
export const UNIQUE_CLOSED_DAY = { name: 'closed_days_office_date_unique', sqliteColumns: 'closed_days.office_id, closed_days.date' };
