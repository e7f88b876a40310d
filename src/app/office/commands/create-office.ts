import { recordAudit } from '../../../db/repositories/audit.js';
import { findOfficeBySlug, insertOffice } from '../../../db/repositories/offices.js';
import type { OfficeRow } from '../../../db/schema.js';
import { DomainError, type FieldProblem, InvalidInputError } from '../../../domain/errors.js';
import { todayIn, yearOf } from '../../../domain/local-date.js';
import { slugProblem, zoneProblem } from '../../../domain/office-settings.js';
import type { AppContext } from '../../shared/context.js';
import { DEFAULT_OFFICE } from '../default-office.js';
import { ensureCalendarYears } from './ensure-calendar-years.js';
import type { AdminActor } from '../../shared/admin-actor.js';
import { officeSettingsOf } from '../office-settings.js';
import { seedOffice } from '../seed-office.js';

export interface CreateOfficeOptions {
  slug: string;
  name: string;
  address: string;
  timezone: string;
  actor: AdminActor;
}

/** The unique index on office slugs, for telling a racing twin's slug from other failures. */
const UNIQUE_SLUG = { name: 'offices_slug_key', sqliteColumns: 'offices.slug' };

/**
 * Opens a new office with the seed office's defaults (five sessions of 40, Monday to Friday,
 * the seed services and counters, this year's and next year's closed days), bookable at once.
 * Only an admin of every office may; the change is audited in the same transaction.
 */
export async function createOffice(ctx: AppContext, opts: CreateOfficeOptions): Promise<OfficeRow> {
  if (opts.actor.officeId !== null) throw new DomainError('OTHER_OFFICE');
  const problems: FieldProblem[] = [];
  const slug = slugProblem(opts.slug);
  if (slug) problems.push({ field: 'slug', problem: slug });
  const zone = zoneProblem(opts.timezone);
  if (zone) problems.push({ field: 'timezone', problem: zone });
  if (problems.length) throw new InvalidInputError(problems);

  const now = ctx.now();
  const db = ctx.storage.db;
  const taken = () => new DomainError('SLUG_TAKEN', { slug: opts.slug });
  let office: OfficeRow;
  try {
    office = await db.transaction().execute(async (trx) => {
      if (await findOfficeBySlug(trx, opts.slug)) throw taken();
      const d = DEFAULT_OFFICE;
      const id = await insertOffice(trx, {
        slug: opts.slug,
        name: opts.name,
        address: opts.address,
        timezone: opts.timezone,
        open_weekdays: d.openWeekdays.join(','),
        same_day_booking: d.sameDayBooking ? 1 : 0,
        booking_days_ahead: d.bookingDaysAhead,
        check_in_before_minutes: d.checkInBeforeMinutes,
        check_in_after_minutes: d.checkInAfterMinutes,
        created_at: now.toISOString(),
      });
      await seedOffice(trx, id);
      const row = await findOfficeBySlug(trx, opts.slug);
      if (!row) throw new Error('office vanished in its own transaction');
      await recordAudit(trx, {
        at: now.toISOString(),
        officeId: id,
        userId: opts.actor.userId,
        username: opts.actor.username,
        action: 'office.create',
        subject: opts.slug,
        before: null,
        after: officeSettingsOf(row),
      });
      return row;
    });
  } catch (error) {
    if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_SLUG)) throw taken();
    throw error;
  }
  const thisYear = yearOf(todayIn(office.timezone, now));
  await ensureCalendarYears(ctx, { officeId: office.id, years: [thisYear, thisYear + 1] });
  return office;
}
