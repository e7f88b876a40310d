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
  /** Only changes of this subject (an office slug, a date, a code). */
  subject?: string;
  /** Leave out changes of no office (accounts, say): for an admin tied to one office. */
  officeOnly?: boolean;
  limit?: number;
}

/** Audit rows, newest first. */
export async function listAudit(db: Executor, filter: AuditFilter): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.officeId !== undefined) q = q.where('office_id', '=', filter.officeId);
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  if (filter.fromAt !== undefined) q = q.where('at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('at', '<', filter.toAt);
  if (filter.subject !== undefined) q = q.where('subject', '=', filter.subject);
  if (filter.officeOnly) q = q.where('office_id', 'is not', null);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 500).execute();
}

/** Which ticket events to list; every field narrows. `toAt` is exclusive. */
export interface TicketEventFilter {
  officeId?: number;
  userId?: number;
  fromAt?: string;
  toAt?: string;
  code?: string;
  limit?: number;
}

/** Ticket events with their booking's code and number, the office and the staff member, newest first; no personal data. */
export function listTicketEvents(db: Executor, filter: TicketEventFilter) {
  let q = db
    .selectFrom('booking_events as e')
    .innerJoin('bookings as b', 'b.id', 'e.booking_id')
    .innerJoin('offices as o', 'o.id', 'e.office_id')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.at', 'e.type', 'e.from_status', 'e.to_status', 'e.counter_number', 'e.note', 'b.code', 'b.queue_number', 'o.slug as office_slug', 'u.username'])
    .select('e.user_id');
  if (filter.officeId !== undefined) q = q.where('e.office_id', '=', filter.officeId);
  if (filter.userId !== undefined) q = q.where('e.user_id', '=', filter.userId);
  if (filter.fromAt !== undefined) q = q.where('e.at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('e.at', '<', filter.toAt);
  if (filter.code !== undefined) q = q.where('b.code', '=', filter.code);
  return q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(filter.limit ?? 500).execute();
}
