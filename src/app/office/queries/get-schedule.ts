import { listDaySessions, listWeeklySessions } from '../../../db/repositories/schedule.js';
import type { OfficeRow } from '../../../db/schema.js';
import { type LocalDate, todayIn } from '../../../domain/local-date.js';
import type { SessionSpec } from '../../../domain/schedule.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from './find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import { specOf, type WeekDocument, weekDocumentOf } from '../office-settings.js';
import { loadSessionsByDate } from './sessions-by-date.js';

/** An office's week, for an admin who manages it. */
export async function getSchedule(ctx: AppContext, opts: { officeSlug: string; actor: AdminActor }): Promise<{ office: OfficeRow; schedule: WeekDocument }> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  return { office, schedule: weekDocumentOf(await listWeeklySessions(ctx.storage.db, office.id)) };
}

/** A date with sessions of its own. */
export interface DayOverride {
  date: LocalDate;
  sessions: SessionSpec[];
}

/** The dates from today on (or between `from` and `to`) that have sessions of their own, in date order. */
export async function listDayOverrides(
  ctx: AppContext,
  opts: { officeSlug: string; actor: AdminActor; from?: LocalDate; to?: LocalDate },
): Promise<{ office: OfficeRow; today: LocalDate; days: DayOverride[] }> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const today = todayIn(office.timezone, ctx.now());
  const rows = await listDaySessions(ctx.storage.db, office.id, opts.from ?? today, opts.to ?? '2100-12-31');
  const days: DayOverride[] = [];
  for (const r of rows) {
    const last = days[days.length - 1];
    if (last?.date === r.date) last.sessions.push(specOf(r));
    else days.push({ date: r.date, sessions: [specOf(r)] });
  }
  return { office, today, days };
}

/** The sessions a date has as the schedule stands (its own, or its weekday's), to edit from. */
export async function getDateSessions(ctx: AppContext, opts: { officeSlug: string; actor: AdminActor; date: LocalDate }): Promise<SessionSpec[]> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const on = await loadSessionsByDate(ctx.storage.db, office.id, opts.date, opts.date);
  return on(opts.date).map((s) => ({ start: s.start, end: s.end, capacity: s.capacity }));
}
