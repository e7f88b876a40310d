import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * Every configuration change (who, when, what, before and after). Rows are only ever inserted:
 * the audit is evidence, so the app has no path that edits or deletes them.
 */
export async function up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', engine.autoIdType, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('office_id', 'integer')
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_office_at').on('audit_log').columns(['office_id', 'at']).execute();
}
