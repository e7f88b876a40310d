import { recordAudit } from '../../../db/repositories/audit.js';
import { listWeeklySessions, lockOffice, replaceWeeklySessions, setOpenWeekdays } from '../../../db/repositories/schedule.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { todayIn } from '../../../domain/local-date.js';
import { weekProblems, type WeekdaySessions } from '../../../domain/schedule.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../queries/find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import { type WeekDocument, weekDocumentOf } from '../office-settings.js';
import { announcePlaces, changeSessions, type PlacesWarning, resolveSlots, slotKey } from '../schedule-change.js';

export interface UpdateScheduleOptions {
  officeSlug: string;
  /** The whole week; a weekday left out or without sessions is closed. */
  weekdays: WeekdaySessions[];
  actor: AdminActor;
}

/**
 * Replaces an office's week. It applies to what is not yet booked: every booking keeps its
 * session and number, and sessions left with more bookings than places are reported.
 */
export async function updateSchedule(ctx: AppContext, opts: UpdateScheduleOptions): Promise<{ schedule: WeekDocument; warnings: PlacesWarning[] }> {
  const problems = weekProblems(opts.weekdays);
  if (problems.length) throw new InvalidInputError(problems);
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const now = ctx.now();
  const today = todayIn(office.timezone, now);
  const done = await db.transaction().execute(async (trx) => {
    await lockOffice(trx, office.id);
    const before = weekDocumentOf(await listWeeklySessions(trx, office.id));
    const { warnings, changed } = await changeSessions(trx, office, today, async () => {
      await replaceWeeklySessions(trx, office.id, []);
      const times = opts.weekdays.flatMap((d, i) => d.sessions.map((s, j) => ({ start: s.start, end: s.end, field: `weekdays.${i}.sessions.${j}.start` })));
      const ids = await resolveSlots(trx, office.id, today, times);
      const rows = opts.weekdays.flatMap((d) =>
        d.sessions.map((s) => ({ office_id: office.id, weekday: d.weekday, session_id: ids.get(slotKey(s.start, s.end))!, capacity: s.capacity })),
      );
      await replaceWeeklySessions(trx, office.id, rows);
      await setOpenWeekdays(trx, office.id, opts.weekdays.filter((d) => d.sessions.length).map((d) => d.weekday).sort());
    });
    const after = weekDocumentOf(await listWeeklySessions(trx, office.id));
    await recordAudit(trx, {
      at: now.toISOString(),
      officeId: office.id,
      userId: opts.actor.userId,
      username: opts.actor.username,
      action: 'schedule.update',
      subject: office.slug,
      before,
      after: { ...after, warnings },
    });
    return { schedule: after, warnings, changed };
  });
  await announcePlaces(ctx, office.id, done.changed);
  return { schedule: done.schedule, warnings: done.warnings };
}
