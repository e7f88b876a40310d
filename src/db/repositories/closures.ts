import type { ClosedDayRow } from '../schema.js';
import type { Executor } from './offices.js';

/** The closed day of an office on a date, whatever its kind. */
export function findClosedDay(db: Executor, officeId: number, date: string): Promise<ClosedDayRow | undefined> {
  return db.selectFrom('closed_days').selectAll().where('office_id', '=', officeId).where('date', '=', date).executeTakeFirst();
}

/** Records an office closure; fails on the closed_days unique index when the date is closed already. */
export async function insertOfficeClosure(
  db: Executor,
  closure: { officeId: number; date: string; reason: string; at: string; userId: number | null },
): Promise<ClosedDayRow> {
  return db
    .insertInto('closed_days')
    .values({ office_id: closure.officeId, date: closure.date, reason: closure.reason, kind: 'office_closure', created_at: closure.at, created_by: closure.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes an office closure (never a holiday); the row deleted, or undefined when there was none. */
export function deleteOfficeClosure(db: Executor, officeId: number, date: string): Promise<ClosedDayRow | undefined> {
  return db
    .deleteFrom('closed_days')
    .where('office_id', '=', officeId)
    .where('date', '=', date)
    .where('kind', '=', 'office_closure')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Office closures recorded before an instant whose day still holds bookings not yet moved:
 * moves a dead process left unfinished.
 */
export function listUnfinishedClosures(db: Executor, recordedBefore: string): Promise<Pick<ClosedDayRow, 'office_id' | 'date' | 'reason'>[]> {
  return db
    .selectFrom('closed_days')
    .select(['closed_days.office_id', 'closed_days.date', 'closed_days.reason'])
    .where('closed_days.kind', '=', 'office_closure')
    .where('closed_days.created_at', '<', recordedBefore)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('bookings')
          .select('bookings.id')
          .whereRef('bookings.office_id', '=', 'closed_days.office_id')
          .whereRef('bookings.date', '=', 'closed_days.date')
          .where('bookings.status', '=', 'booked'),
      ),
    )
    .orderBy('closed_days.date')
    .execute();
}
