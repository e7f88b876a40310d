import { listAudit, listTicketEvents } from '../../../db/repositories/audit.js';
import { findOfficeBySlug, listOffices } from '../../../db/repositories/offices.js';
import { findUserByUsername } from '../../../db/repositories/staff.js';
import { DomainError } from '../../../domain/errors.js';
import { addDays, instantOf, type LocalDate } from '../../../domain/local-date.js';
import type { AppContext } from '../../shared/context.js';
import type { AdminActor } from '../../shared/admin-actor.js';

/** What to show; every field narrows. Dates are the office's local days (WIB when no office is given), both included. */
export interface ChangeFilter {
  officeSlug?: string;
  from?: LocalDate;
  to?: LocalDate;
  username?: string;
  code?: string;
}

/** One line of the audit: a configuration change or a ticket event. */
export type AuditLine =
  | {
      kind: 'config';
      at: string;
      office: string | null;
      user: string | null;
      action: string;
      subject: string;
      before: unknown;
      after: unknown;
    }
  | {
      kind: 'ticket';
      at: string;
      office: string;
      user: string | null;
      action: string;
      subject: string;
      queueNumber: string;
      fromStatus: string | null;
      toStatus: string;
      counter: number | null;
      note: string | null;
    };

/** At most this many lines are shown; narrow the filter for older ones. */
export const AUDIT_LIMIT = 500;

function parse(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

/**
 * Configuration changes and ticket events together, newest first, filtered by office, local
 * date, staff member and booking code. An admin tied to one office sees only that office.
 */
export async function listChanges(ctx: AppContext, opts: { filter: ChangeFilter; actor: AdminActor }): Promise<AuditLine[]> {
  const db = ctx.storage.db;
  const f = opts.filter;
  let officeId: number | undefined;
  let zone = 'Asia/Jakarta';
  if (f.officeSlug) {
    const office = await findOfficeBySlug(db, f.officeSlug);
    if (!office) throw new DomainError('NOT_FOUND', { what: 'office' });
    if (opts.actor.officeId !== null && opts.actor.officeId !== office.id) throw new DomainError('OTHER_OFFICE');
    officeId = office.id;
    zone = office.timezone;
  } else if (opts.actor.officeId !== null) {
    officeId = opts.actor.officeId;
    zone = (await listOffices(db)).find((o) => o.id === officeId)?.timezone ?? zone;
  }
  let userId: number | undefined;
  if (f.username) {
    const user = await findUserByUsername(db, f.username);
    if (!user) return [];
    userId = user.id;
  }
  const fromAt = f.from ? instantOf(f.from, '00:00', zone).toISOString() : undefined;
  const toAt = f.to ? instantOf(addDays(f.to, 1), '00:00', zone).toISOString() : undefined;
  const [config, tickets] = await Promise.all([
    listAudit(db, { officeId, userId, fromAt, toAt, subject: f.code, officeOnly: opts.actor.officeId !== null, limit: AUDIT_LIMIT }),
    listTicketEvents(db, { officeId, userId, fromAt, toAt, code: f.code, limit: AUDIT_LIMIT }),
  ]);
  const slugs = new Map((await listOffices(db)).map((o) => [o.id, o.slug]));
  const lines: AuditLine[] = [
    ...config.map((r): AuditLine => ({
      kind: 'config',
      at: r.at,
      office: r.office_id === null ? null : (slugs.get(Number(r.office_id)) ?? null),
      user: r.username,
      action: r.action,
      subject: r.subject,
      before: parse(r.before_json),
      after: parse(r.after_json),
    })),
    ...tickets.map((r): AuditLine => ({
      kind: 'ticket',
      at: r.at,
      office: r.office_slug,
      user: r.username ?? null,
      action: r.type,
      subject: r.code,
      queueNumber: r.queue_number,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      counter: r.counter_number === null ? null : Number(r.counter_number),
      note: r.note,
    })),
  ];
  return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, AUDIT_LIMIT);
}
