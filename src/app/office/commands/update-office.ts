import { recordAudit } from '../../../db/repositories/audit.js';
import { findOfficeBySlug, updateOfficeRow } from '../../../db/repositories/offices.js';
import { lockOffice } from '../../../db/repositories/schedule.js';
import { DomainError, type FieldProblem, InvalidInputError } from '../../../domain/errors.js';
import { todayIn } from '../../../domain/local-date.js';
import { type ReminderSettings, reminderSettingProblems } from '../../../domain/messages/reminder-schedule.js';
import { type BookingRules, contactProblems, type OfficeContact, ruleProblems, zoneProblem } from '../../../domain/office-settings.js';
import { retentionProblems } from '../../../domain/retention.js';
import { type BookingLimits, guardSettingProblems, type NoShowPolicy } from '../../../domain/booking-guards.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../queries/find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import { type OfficeSettings, officeSettingsOf } from '../office-settings.js';
import { announcePlaces, changeSessions, type SlotChange } from '../schedule-change.js';

/** The settings to change; absent ones stay as they are. */
export interface OfficeChanges extends Partial<BookingRules>, Partial<ReminderSettings>, Partial<OfficeContact> {
  name?: string;
  address?: string;
  timezone?: string;
  /** Days after the appointment date that personal data is kept. */
  retentionDays?: number;
  /** Monthly limits of online bookings per phone and per NIK; absent parts stay. */
  bookingLimits?: Partial<BookingLimits>;
  /** The no-show policy; absent parts stay. */
  noShowPolicy?: Partial<NoShowPolicy>;
}

export interface UpdateOfficeOptions {
  officeSlug: string;
  changes: OfficeChanges;
  actor: AdminActor;
}

/**
 * Changes an office's name, address, contact, logo, zone and booking rules at once, or nothing when one is
 * wrong. A new desk share is obeyed by every booking that commits after it (the same locks
 * as a change of places); times of existing bookings stay as they were, on the local clock.
 */
export async function updateOffice(ctx: AppContext, opts: UpdateOfficeOptions): Promise<OfficeSettings> {
  const c = opts.changes;
  const problems: FieldProblem[] = [...ruleProblems(c), ...reminderSettingProblems(c), ...contactProblems(c), ...retentionProblems(c.retentionDays), ...guardSettingProblems(c.bookingLimits, c.noShowPolicy)];
  if (c.timezone !== undefined) {
    const zone = zoneProblem(c.timezone);
    if (zone) problems.push({ field: 'timezone', problem: zone });
  }
  if (problems.length) throw new InvalidInputError(problems);

  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const at = ctx.now().toISOString();
  const done = await db.transaction().execute(async (trx) => {
    await lockOffice(trx, office.id);
    const current = await findOfficeBySlug(trx, opts.officeSlug);
    if (!current) throw new DomainError('NOT_FOUND', { what: 'office' });
    const before = officeSettingsOf(current);
    const set = {
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.address !== undefined ? { address: c.address } : {}),
      ...(c.timezone !== undefined ? { timezone: c.timezone } : {}),
      ...(c.contactPhone !== undefined ? { contact_phone: c.contactPhone } : {}),
      ...(c.contactEmail !== undefined ? { contact_email: c.contactEmail } : {}),
      ...(c.logo !== undefined ? { logo: c.logo } : {}),
      ...(c.bookingDaysAhead !== undefined ? { booking_days_ahead: c.bookingDaysAhead } : {}),
      ...(c.sameDayBooking !== undefined ? { same_day_booking: c.sameDayBooking ? 1 : 0 } : {}),
      ...(c.checkInBeforeMinutes !== undefined ? { check_in_before_minutes: c.checkInBeforeMinutes } : {}),
      ...(c.checkInAfterMinutes !== undefined ? { check_in_after_minutes: c.checkInAfterMinutes } : {}),
      ...(c.earlyCheckInMinutes !== undefined ? { early_check_in_minutes: c.earlyCheckInMinutes } : {}),
      ...(c.deskSharePercent !== undefined ? { desk_share_percent: c.deskSharePercent } : {}),
      ...(c.reminderEveningEnabled !== undefined ? { reminder_evening_enabled: c.reminderEveningEnabled ? 1 : 0 } : {}),
      ...(c.reminderEveningHour !== undefined ? { reminder_evening_hour: c.reminderEveningHour } : {}),
      ...(c.reminderBeforeEnabled !== undefined ? { reminder_before_enabled: c.reminderBeforeEnabled ? 1 : 0 } : {}),
      ...(c.reminderHoursBefore !== undefined ? { reminder_hours_before: c.reminderHoursBefore } : {}),
      ...(c.turnNearAhead !== undefined ? { turn_near_ahead: c.turnNearAhead } : {}),
      ...(c.retentionDays !== undefined ? { retention_days: c.retentionDays } : {}),
      ...guardColumns(c),
    };
    const write = () => updateOfficeRow(trx, office.id, set);
    // The desk share changes what online bookings may take: as exact as a change of places.
    let changed: SlotChange[] = [];
    if (c.deskSharePercent !== undefined && c.deskSharePercent !== before.deskSharePercent) {
      ({ changed } = await changeSessions(trx, current, todayIn(current.timezone, ctx.now()), write));
    } else {
      await write();
    }
    const updated = await findOfficeBySlug(trx, opts.officeSlug);
    if (!updated) throw new DomainError('NOT_FOUND', { what: 'office' });
    const after = officeSettingsOf(updated);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      await recordAudit(trx, { at, officeId: office.id, userId: opts.actor.userId, username: opts.actor.username, action: 'office.update', subject: office.slug, before, after });
    }
    return { after, changed };
  });
  await announcePlaces(ctx, office.id, done.changed);
  return done.after;
}

/** The columns of changed booking limits and no-show policy. */
function guardColumns(c: OfficeChanges) {
  const l = c.bookingLimits ?? {};
  const p = c.noShowPolicy ?? {};
  return {
    ...(l.perPhonePerMonth !== undefined ? { phone_bookings_per_month: l.perPhonePerMonth } : {}),
    ...(l.perNikPerMonth !== undefined ? { nik_bookings_per_month: l.perNikPerMonth } : {}),
    ...(p.enabled !== undefined ? { no_show_policy_enabled: p.enabled ? 1 : 0 } : {}),
    ...(p.noShows !== undefined ? { no_show_count: p.noShows } : {}),
    ...(p.withinDays !== undefined ? { no_show_within_days: p.withinDays } : {}),
    ...(p.blockDays !== undefined ? { no_show_block_days: p.blockDays } : {}),
  };
}
