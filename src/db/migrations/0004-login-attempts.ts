import type { Kysely } from 'kysely';

/**
 * The gate that login attempts pass one at a time: a single row whose update takes the row lock
 * on PostgreSQL and the write lock on SQLite, so checking the limits and recording the attempt
 * happen as one step on every process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_gate')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('passed_at', 'text', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ login_gate: { id: number; passed_at: string } }>)
    .insertInto('login_gate')
    .values({ id: 1, passed_at: '1970-01-01T00:00:00.000Z' })
    .execute();
}
