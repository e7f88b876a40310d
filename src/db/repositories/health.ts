import { DEFAULT_MIGRATION_TABLE, sql } from 'kysely';
import { MIGRATION_NAMES } from '../migrate.js';
import type { Executor } from './offices.js';

/** Asks the database the cheapest question there is; resolves when it answers. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * The migrations this code knows that the database has not run; throws when it has no
 * migration table at all.
 */
export async function pendingMigrations(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  const done = new Set(rows.map((r) => r.name));
  return MIGRATION_NAMES.filter((name) => !done.has(name));
}
