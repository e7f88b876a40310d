import { findBookingByCode } from '../../../db/repositories/bookings.js';
import { listPersonalDataAccess } from '../../../db/repositories/personal-data.js';
import { findUserByUsername } from '../../../db/repositories/staff.js';
import type { OfficeRow } from '../../../db/schema.js';
import { normalizeBookingCode } from '../../../domain/booking-code.js';
import { instantOf, type LocalDate } from '../../../domain/local-date.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';

export interface ListDataAccessOptions {
  officeSlug: string;
  actor: AdminActor;
  /** Only reads of this booking code. */
  booking?: string | undefined;
  /** Only reads by this username. */
  user?: string | undefined;
  /** First and last day, on the office's calendar, both included. */
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
}

/** One staff read of personal data, as the admin sees it. */
export interface DataAccessLine {
  at: string;
  username: string;
  role: string;
  action: string;
  code: string;
  queueNumber: string;
  date: string;
}

const LIMIT = 1000;

/** The record of staff reads of personal data at an office, newest first, for its admin. */
export async function listDataAccess(ctx: AppContext, opts: ListDataAccessOptions): Promise<{ office: OfficeRow; lines: DataAccessLine[] }> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  let bookingId: number | undefined;
  let userId: number | undefined;
  if (opts.booking !== undefined) {
    const code = normalizeBookingCode(opts.booking);
    const found = code ? await findBookingByCode(db, code) : undefined;
    if (!found || found.office_id !== office.id) return { office, lines: [] };
    bookingId = found.id;
  }
  if (opts.user !== undefined) {
    const user = await findUserByUsername(db, opts.user);
    if (!user) return { office, lines: [] };
    userId = user.id;
  }
  const next = (d: LocalDate) => new Date(instantOf(d, '00:00', office.timezone).getTime() + 24 * 60 * 60 * 1000).toISOString();
  const rows = await listPersonalDataAccess(db, {
    officeId: office.id,
    bookingId,
    userId,
    fromAt: opts.from ? instantOf(opts.from, '00:00', office.timezone).toISOString() : undefined,
    toAt: opts.to ? next(opts.to) : undefined,
    limit: LIMIT,
  });
  return { office, lines: rows.map((r) => ({ at: r.at, username: r.username, role: r.role, action: r.action, code: r.code, queueNumber: r.queue_number, date: r.date })) };
}
