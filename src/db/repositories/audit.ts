import type { AuditRow } from '../schema.js';
import type { Executor } from './offices.js';

/** A configuration change to record; `before`/`after` are the setting as plain data, null when absent. */
export interface AuditEntry {
  at: string;
  officeId: number | null;
  userId: number | null;
  username: string | null;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
}

/** Records one change; call it in the same transaction as the change so neither exists alone. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      office_id: entry.officeId,
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      subject: entry.subject,
      before_json: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** Which audit rows to list; every field narrows, none is required. `to` is exclusive. */
export interface AuditFilter {
  officeId?: number;
  userId?: number;
  fromAt?: string;
  toAt?: string;
  limit?: number;
}

/** Audit rows, newest first. */
export async function listAudit(db: Executor, filter: AuditFilter): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.officeId !== undefined) q = q.where('office_id', '=', filter.officeId);
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  if (filter.fromAt !== undefined) q = q.where('at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('at', '<', filter.toAt);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 500).execute();
}
