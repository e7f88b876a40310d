import { listOffices } from '../../../db/repositories/offices.js';
import { listRemindableBookings, lockIfStillBooked, queuedDedupeKeys } from '../../../db/repositories/reminders.js';
import type { OfficeRow } from '../../../db/schema.js';
import { addDays, todayIn } from '../../../domain/local-date.js';
import { type DueReminder, dueReminders } from '../../../domain/messages/reminder-schedule.js';
import { reminderSettingsOf } from '../../office/office-settings.js';
import type { AppContext } from '../../shared/context.js';
import { enqueueMessage } from '../enqueue-message.js';

/** What one pass did. */
export interface ReminderPassSummary {
  /** Reminders newly written to the outbox. */
  queued: number;
}

/**
 * Finds the reminders due now in every office from the bookings themselves (no timers in
 * memory, so a restart loses none) and writes each to the outbox in its own transaction,
 * after checking the booking is still booked on that day. The outbox's dedupe key (kind,
 * booking, day) makes a reminder queued once however many passes or processes find it.
 */
export async function enqueueDueReminders(ctx: AppContext, opts: { now: Date }): Promise<ReminderPassSummary> {
  let queued = 0;
  for (const office of await listOffices(ctx.storage.db)) queued += await remindOffice(ctx, office, opts.now);
  return { queued };
}

async function remindOffice(ctx: AppContext, office: OfficeRow, now: Date): Promise<number> {
  const settings = reminderSettingsOf(office);
  if (!settings.reminderEveningEnabled && !settings.reminderBeforeEnabled) return 0;
  const today = todayIn(office.timezone, now);
  // The evening reminder is for tomorrow; a before reminder (at most 24 hours) for today or tomorrow.
  const rows = await listRemindableBookings(ctx.storage.db, office.id, [today, addDays(today, 1)]);
  const due = dueReminders(
    rows.map((r) => ({ id: r.id, date: r.date, sessionStart: r.session_start, scheduledAt: new Date(r.updated_at) })),
    office.timezone,
    settings,
    now,
  );
  if (!due.length) return 0;
  const queuedBefore = await queuedDedupeKeys(ctx.storage.db, due.map((d) => d.dedupeKey));
  const dateOf = new Map(rows.map((r) => [r.id, r.date]));
  let queued = 0;
  for (const reminder of due) {
    if (queuedBefore.has(reminder.dedupeKey)) continue;
    queued += await queueReminder(ctx, reminder, dateOf.get(reminder.bookingId) ?? '', now);
  }
  return queued;
}

async function queueReminder(ctx: AppContext, reminder: DueReminder, date: string, now: Date): Promise<number> {
  return ctx.storage.db.transaction().execute(async (trx) => {
    if (!(await lockIfStillBooked(trx, reminder.bookingId, date))) return 0;
    const rows = await enqueueMessage(trx, { bookingId: reminder.bookingId, kind: reminder.kind, dedupeKey: reminder.dedupeKey, at: now.toISOString() });
    return rows > 0 ? 1 : 0;
  });
}
