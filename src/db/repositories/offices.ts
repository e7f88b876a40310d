import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, OfficeRow, OfficesTable } from '../schema.js';

/** A connection or an open transaction: repositories work on either. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** All offices, in the order they were created. */
export function listOffices(db: Executor): Promise<OfficeRow[]> {
  return db.selectFrom('offices').selectAll().orderBy('id').execute();
}

/** The office with that slug, if any. */
export function findOfficeBySlug(db: Executor, slug: string): Promise<OfficeRow | undefined> {
  return db.selectFrom('offices').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** How many offices exist; zero means a fresh database. */
export async function countOffices(db: Executor): Promise<number> {
  const row = await db.selectFrom('offices').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds an office and returns its id. */
export async function insertOffice(db: Executor, office: Insertable<OfficesTable>): Promise<number> {
  const row = await db.insertInto('offices').values(office).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The office with that id, if any. */
export function findOfficeById(db: Executor, id: number): Promise<OfficeRow | undefined> {
  return db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes an office's settings. */
export async function updateOfficeRow(db: Executor, id: number, set: Updateable<OfficesTable>): Promise<void> {
  if (Object.keys(set).length) await db.updateTable('offices').set(set).where('id', '=', id).execute();
}
