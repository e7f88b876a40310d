import { recordAudit } from '../../../db/repositories/audit.js';
import { listDaySessions, lockOffice, replaceDaySessions } from '../../../db/repositories/schedule.js';
import { InvalidInputError } from '../../../domain/errors.js';
import { type LocalDate, todayIn } from '../../../domain/local-date.js';
import { daySessionProblems, inDayOrder, type SessionSpec } from '../../../domain/schedule.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../queries/find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import { specOf } from '../office-settings.js';
import { announcePlaces, changeSessions, type PlacesWarning, resolveSlots, slotKey } from '../schedule-change.js';

export interface DaySessionsOptions {
  officeSlug: string;
  date: LocalDate;
  actor: AdminActor;
}

/** A date's own sessions and what the change left over its places. */
export interface DaySessionsResult {
  date: LocalDate;
  sessions: SessionSpec[];
  warnings: PlacesWarning[];
}

/**
 * Gives one date its own sessions, replacing its weekday's (an extra session before Lebaran,
 * fewer places with two clerks sick). At least one session: closing a date is a closed day,
 * which moves its bookings. Bookings are kept; sessions over their new places are reported.
 */
export async function setDaySessions(ctx: AppContext, opts: DaySessionsOptions & { sessions: SessionSpec[] }): Promise<DaySessionsResult> {
  const problems = daySessionProblems(opts.sessions, 'sessions');
  if (!opts.sessions.length) problems.push({ field: 'sessions', problem: 'SESSIONS_REQUIRED' });
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const now = ctx.now();
  const today = todayIn(office.timezone, now);
  if (opts.date < today) problems.unshift({ field: 'date', problem: 'DATE_PAST' });
  if (problems.length) throw new InvalidInputError(problems);
  const done = await db.transaction().execute(async (trx) => {
    await lockOffice(trx, office.id);
    const before = await listDaySessions(trx, office.id, opts.date, opts.date);
    const { warnings, changed } = await changeSessions(trx, office, today, async () => {
      await replaceDaySessions(trx, office.id, opts.date, []);
      const ids = await resolveSlots(trx, office.id, today, opts.sessions.map((s, i) => ({ start: s.start, end: s.end, field: `sessions.${i}.start` })));
      await replaceDaySessions(
        trx,
        office.id,
        opts.date,
        opts.sessions.map((s) => ({ office_id: office.id, date: opts.date, session_id: ids.get(slotKey(s.start, s.end))!, capacity: s.capacity })),
      );
    });
    const sessions = inDayOrder(opts.sessions.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity })));
    await recordAudit(trx, {
      at: now.toISOString(),
      officeId: office.id,
      userId: opts.actor.userId,
      username: opts.actor.username,
      action: 'day.set',
      subject: opts.date,
      before: before.length ? { sessions: before.map(specOf) } : null,
      after: { sessions, warnings },
    });
    return { date: opts.date, sessions, warnings, changed };
  });
  await announcePlaces(ctx, office.id, done.changed);
  return { date: done.date, sessions: done.sessions, warnings: done.warnings };
}
