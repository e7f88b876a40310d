import { recordAudit } from '../../../db/repositories/audit.js';
import { listDaySessions, lockOffice, replaceDaySessions } from '../../../db/repositories/schedule.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { type LocalDate, todayIn } from '../../../domain/local-date.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../queries/find-office.js';
import { assertManages } from '../../shared/admin-actor.js';
import { specOf } from '../office-settings.js';
import { announcePlaces, changeSessions, type PlacesWarning } from '../schedule-change.js';
import type { DaySessionsOptions } from './set-day-sessions.js';

/** Takes a date's own sessions away: the date follows its weekday again. NOT_FOUND when it had none. */
export async function removeDaySessions(ctx: AppContext, opts: DaySessionsOptions): Promise<{ date: LocalDate; warnings: PlacesWarning[] }> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  const now = ctx.now();
  const today = todayIn(office.timezone, now);
  if (opts.date < today) throw new InvalidInputError([{ field: 'date', problem: 'DATE_PAST' }]);
  const done = await db.transaction().execute(async (trx) => {
    await lockOffice(trx, office.id);
    const before = await listDaySessions(trx, office.id, opts.date, opts.date);
    if (!before.length) throw new DomainError('NOT_FOUND', { what: 'day' });
    const { warnings, changed } = await changeSessions(trx, office, today, () => replaceDaySessions(trx, office.id, opts.date, []));
    await recordAudit(trx, {
      at: now.toISOString(),
      officeId: office.id,
      userId: opts.actor.userId,
      username: opts.actor.username,
      action: 'day.remove',
      subject: opts.date,
      before: { sessions: before.map(specOf) },
      after: warnings.length ? { warnings } : null,
    });
    return { date: opts.date, warnings, changed };
  });
  await announcePlaces(ctx, office.id, done.changed);
  return { date: done.date, warnings: done.warnings };
}
