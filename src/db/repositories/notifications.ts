import { sql } from 'kysely';
import type { Executor } from './offices.js';

/** Sends a PostgreSQL notification on `channel` to every connection listening on it (NOTIFY). */
export async function sendNotification(db: Executor, channel: string, payload: string): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
}
