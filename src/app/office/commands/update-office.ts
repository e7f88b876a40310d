import { recordAudit } from '../../../db/repositories/audit.js';
import { findOfficeBySlug, updateOfficeRow } from '../../../db/repositories/offices.js';
import { lockOffice } from '../../../db/repositories/schedule.js';
import { DomainError, type FieldProblem, InvalidInputError } from '../../../domain/errors.js';
import { todayIn } from '../../../domain/local-date.js';
import { type ReminderSettings, reminderSettingProblems } from '../../../domain/messages/reminder-schedule.js';
import { type BookingRules, contactProblems, type OfficeContact, ruleProblems, zoneProblem } from '../../../domain/office-settings.js';
import { type ReleaseRules, releaseProblems } from '../../../domain/release-schedule.js';
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
  /**
   * When a day's places open online; absent fields stay, `waves: null` removes the waves.
   * `daysAhead` and `deskShare` are `bookingDaysAhead` and `deskSharePercent` under their new names.
   */
  release?: Partial<ReleaseRules>;
}

export interface UpdateOfficeOptions {
  officeSlug: string;
  changes: OfficeChanges;
  actor: AdminActor;
}

/**
 * Changes an office's name, address, contact, logo, zone and booking rules at once, or nothing when one is
 * wrong. A new desk share or release schedule is obeyed by every booking that commits after
 * it (the same locks as a change of places); times of existing bookings stay as they were, on
 * the local clock.
 */
export async function updateOffice(ctx: AppContext, opts: UpdateOfficeOptions): Promise<OfficeSettings> {
  const c = opts.changes;
  const release = releaseChangesOf(c);
  const problems: FieldProblem[] = [
    ...ruleProblems(c),
    ...release.problems,
    ...reminderSettingProblems(c),
    ...contactProblems(c),
    ...retentionProblems(c.retentionDays),
    ...guardSettingProblems(c.bookingLimits, c.noShowPolicy),
  ];
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
    const r = release.changes;
    // A new time must stay the first wave's, unless the waves change with it.
    if (r.time !== undefined && r.waves === undefined && before.release.waves?.length && before.release.waves[0]!.time !== r.time) {
      throw new InvalidInputError([{ field: 'release.time', problem: 'RELEASE_TIME_NOT_FIRST_WAVE' }]);
    }
    const set = {
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.address !== undefined ? { address: c.address } : {}),
      ...(c.timezone !== undefined ? { timezone: c.timezone } : {}),
      ...(c.contactPhone !== undefined ? { contact_phone: c.contactPhone } : {}),
      ...(c.contactEmail !== undefined ? { contact_email: c.contactEmail } : {}),
      ...(c.logo !== undefined ? { logo: c.logo } : {}),
      ...(r.daysAhead !== undefined ? { booking_days_ahead: r.daysAhead } : {}),
      ...(r.time !== undefined ? { release_time: r.time } : {}),
      ...(r.drawSeconds !== undefined ? { draw_seconds: r.drawSeconds } : {}),
      ...(r.waves !== undefined ? { release_waves: r.waves ? JSON.stringify(r.waves.map((w) => ({ time: w.time, percent: w.percent }))) : null } : {}),
      ...(c.sameDayBooking !== undefined ? { same_day_booking: c.sameDayBooking ? 1 : 0 } : {}),
      ...(c.checkInBeforeMinutes !== undefined ? { check_in_before_minutes: c.checkInBeforeMinutes } : {}),
      ...(c.checkInAfterMinutes !== undefined ? { check_in_after_minutes: c.checkInAfterMinutes } : {}),
      ...(c.earlyCheckInMinutes !== undefined ? { early_check_in_minutes: c.earlyCheckInMinutes } : {}),
      ...(r.deskShare !== undefined ? { desk_share_percent: r.deskShare } : {}),
      ...(c.reminderEveningEnabled !== undefined ? { reminder_evening_enabled: c.reminderEveningEnabled ? 1 : 0 } : {}),
      ...(c.reminderEveningHour !== undefined ? { reminder_evening_hour: c.reminderEveningHour } : {}),
      ...(c.reminderBeforeEnabled !== undefined ? { reminder_before_enabled: c.reminderBeforeEnabled ? 1 : 0 } : {}),
      ...(c.reminderHoursBefore !== undefined ? { reminder_hours_before: c.reminderHoursBefore } : {}),
      ...(c.turnNearAhead !== undefined ? { turn_near_ahead: c.turnNearAhead } : {}),
      ...(c.retentionDays !== undefined ? { retention_days: c.retentionDays } : {}),
      ...guardColumns(c),
    };
    const write = () => updateOfficeRow(trx, office.id, set);
    // The desk share and the release change what online bookings may take: as exact as a change of places.
    let changed: SlotChange[] = [];
    if (releaseChanges(before.release, r)) {
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

/**
 * The release changes of a request, the old flat names (`bookingDaysAhead`,
 * `deskSharePercent`) taken as aliases, and what is wrong with them. Waves sent without a time
 * set the time to their first; the same setting sent twice with different values is refused.
 */
function releaseChangesOf(c: OfficeChanges): { changes: Partial<ReleaseRules>; problems: FieldProblem[] } {
  const given = c.release ?? {};
  const problems: FieldProblem[] = [];
  const alias = <K extends 'daysAhead' | 'deskShare'>(key: K, old: number | undefined): number | undefined => {
    const value = given[key];
    if (value !== undefined && old !== undefined && value !== old) problems.push({ field: `release.${key}`, problem: 'RELEASE_ALIAS_CONFLICT' });
    return value ?? old;
  };
  const changes: Partial<ReleaseRules> = { ...given };
  const daysAhead = alias('daysAhead', c.bookingDaysAhead);
  const deskShare = alias('deskShare', c.deskSharePercent);
  if (daysAhead !== undefined) changes.daysAhead = daysAhead;
  if (deskShare !== undefined) changes.deskShare = deskShare;
  // The flat names' own problems are named under them by ruleProblems.
  const own = releaseProblems(given);
  if (changes.time === undefined && changes.waves?.length && !own.length) changes.time = changes.waves[0]!.time;
  return { changes, problems: [...problems, ...own.filter((p) => !problems.some((q) => q.field === p.field))] };
}

/** Whether the changes alter which places online booking may take. */
function releaseChanges(current: ReleaseRules, r: Partial<ReleaseRules>): boolean {
  const next = { ...current, ...r };
  const key = (x: ReleaseRules) => JSON.stringify([x.daysAhead, x.time, x.deskShare, x.waves ?? null]);
  return key(next) !== key(current);
}
