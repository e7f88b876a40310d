import type { Insertable } from 'kysely';
import type { ServiceRow, ServicesTable, SessionRow, SessionsTable } from '../schema.js';
import type { Executor } from './offices.js';

/** Services an office offers, active ones only unless asked, in display order. */
export function listServices(db: Executor, officeId: number, opts: { includeInactive?: boolean } = {}): Promise<ServiceRow[]> {
  let q = db.selectFrom('services').selectAll().where('office_id', '=', officeId);
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('sort_order').orderBy('id').execute();
}

/** An active service of an office by its short code. */
export function findServiceByCode(db: Executor, officeId: number, code: string): Promise<ServiceRow | undefined> {
  return db
    .selectFrom('services')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** Adds services to an office. */
export async function insertServices(db: Executor, rows: Insertable<ServicesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('services').values(rows).execute();
}

/**
 * The office's session slots marked active, in the order of the day. Their `capacity` is what
 * the office had before per-weekday schedules: for a date's sessions and places use
 * `loadSessionsByDate` (app/office/queries/sessions-by-date.ts).
 */
export function listSessions(db: Executor, officeId: number): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('active', '=', 1)
    .orderBy('start_time')
    .execute();
}

/** Adds sessions to an office. */
export async function insertSessions(db: Executor, rows: Insertable<SessionsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('sessions').values(rows).execute();
}
