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

/** The unique index on an office's service codes, to recognise a taken code on either engine. */
export const UNIQUE_SERVICE_CODE = { name: 'services_office_code_unique', sqliteColumns: 'services.office_id, services.code' };

/** A service of an office by its code, switched off or not. */
export function findAnyServiceByCode(db: Executor, officeId: number, code: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('services').selectAll().where('office_id', '=', officeId).where('code', '=', code).executeTakeFirst();
}

/** Adds one service and returns its id. */
export async function insertService(db: Executor, row: Insertable<ServicesTable>): Promise<number> {
  const inserted = await db.insertInto('services').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** The highest sort position in use at an office; 0 when it has no services. */
export async function lastServicePosition(db: Executor, officeId: number): Promise<number> {
  const row = await db
    .selectFrom('services')
    .select((eb) => eb.fn.max<number | string | null>('sort_order').as('last'))
    .where('office_id', '=', officeId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** The fields of a service an admin may change. */
export type ServiceChanges = Partial<Pick<ServiceRow, 'name' | 'name_en' | 'documents' | 'documents_en' | 'eligibility' | 'eligibility_en' | 'needs_presence' | 'active' | 'sort_order'>>;

/** Changes a service's settings. */
export async function updateService(db: Executor, id: number, changes: ServiceChanges): Promise<void> {
  if (Object.keys(changes).length) await db.updateTable('services').set(changes).where('id', '=', id).execute();
}

/**
 * Takes the office's services' row locks until the transaction ends (a no-op UPDATE: PostgreSQL
 * locks the rows, SQLite takes its write lock), so two admins reordering at once apply one after
 * the other instead of interleaving positions.
 */
export async function lockServices(db: Executor, officeId: number): Promise<void> {
  await db.updateTable('services').set((eb) => ({ sort_order: eb.ref('sort_order') })).where('office_id', '=', officeId).execute();
}
