import { recordAudit } from '../../../db/repositories/audit.js';
import { deleteOfficeClosure, findClosedDay } from '../../../db/repositories/closures.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../queries/find-office.js';
import { planOfficeDays } from '../queries/plan-office-days.js';
import type { ClosedDay } from '../read-models.js';
import type { AdminActor } from './add-closure.js';

export interface RemoveClosureOptions {
  officeSlug: string;
  date: string;
  admin: AdminActor;
}

/**
 * Opens a day the office had closed. Only the office's own closures can be removed, never a
 * holiday of the decree, and never one in the past (it is part of what happened). Nobody is
 * moved back: people were told their new day, and may move again themselves.
 */
export async function removeClosure(ctx: AppContext, opts: RemoveClosureOptions): Promise<ClosedDay> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const now = ctx.now();
  const clock = officeClock(office, now);
  if (opts.date < clock.today) throw new InvalidInputError([{ field: 'date', problem: 'DATE_IN_PAST' }]);
  const removed = await db.transaction().execute(async (trx) => {
    const closed = await findClosedDay(trx, office.id, opts.date);
    if (!closed) throw new DomainError('NOT_FOUND', { what: 'closure' });
    if (closed.kind !== 'office_closure') throw new DomainError('NOT_OFFICE_CLOSURE', { date: opts.date, kind: closed.kind });
    const row = await deleteOfficeClosure(trx, office.id, opts.date);
    // Another admin removed it first.
    if (!row) throw new DomainError('NOT_FOUND', { what: 'closure' });
    await recordAudit(trx, {
      at: now.toISOString(),
      officeId: office.id,
      userId: opts.admin.userId,
      username: opts.admin.username,
      action: 'closure.remove',
      subject: opts.date,
      before: { date: row.date, reason: row.reason, kind: row.kind },
      after: null,
    });
    return row;
  });
  const [day] = await planOfficeDays(db, office, officeClock(office, ctx.now()), opts.date, 1);
  for (const s of day?.sessions ?? []) await ctx.events.publish({ officeId: office.id, type: 'availability', payload: { date: opts.date, sessionId: s.id } });
  return removed;
}
