import { sql } from 'kysely';
import type { Executor } from './offices.js';

/** Asks the database the cheapest question there is; resolves when it answers. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
