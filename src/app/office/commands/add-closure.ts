import { recordAudit } from '../../../db/repositories/audit.js';
import { lockSessionDay, sessionIdsNumberedOn } from '../../../db/repositories/bookings.js';
import { insertOfficeClosure } from '../../../db/repositories/closures.js';
import { UNIQUE_CLOSED_DAY } from '../../../db/repositories/calendar.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../queries/find-office.js';
import { planOfficeDays } from '../queries/plan-office-days.js';
import type { ClosedDay } from '../read-models.js';
import { type ClosureMoves, moveBookingsOffClosedDay } from './move-closed-day-bookings.js';

/** The admin making a configuration change, for the audit log. */
export interface AdminActor {
  userId: number;
  username: string;
}

export interface AddClosureOptions {
  officeSlug: string;
  date: string;
  /** Why the office closes, in the admin's words: the people moved are told it. */
  reason: string;
  admin: AdminActor;
}

/** A closure as recorded, with what emptying its day did. */
export interface AddClosureResult extends ClosureMoves {
  closure: ClosedDay;
}

/**
 * Closes an office on a date with a reason, then moves the day's bookings off it (see
 * `moveBookingsOffClosedDay`). The closure is recorded first, under the locks of the day's
 * sessions, so from its commit on nobody can book the day, and every booking made before it
 * is there to be moved. If the process dies while moving, the background step finishes.
 */
export async function addClosure(ctx: AppContext, opts: AddClosureOptions): Promise<AddClosureResult> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const now = ctx.now();
  const clock = officeClock(office, now);
  if (opts.date < clock.today) throw new InvalidInputError([{ field: 'date', problem: 'DATE_IN_PAST' }]);
  const [day] = await planOfficeDays(db, office, clock, opts.date, 1);
  if (!day) throw new Error(`no plan for ${opts.date}`);
  if (day.closure) throw new DomainError('ALREADY_CLOSED', { date: opts.date, kind: day.closure.kind });

  let closure: ClosedDay;
  try {
    closure = await db.transaction().execute(async (trx) => {
      // Wait for bookings of the day still being made, and hold off new ones until the closure is in.
      const sessionIds = new Set([...day.sessions.map((s) => s.id), ...(await sessionIdsNumberedOn(trx, office.id, opts.date))]);
      for (const id of [...sessionIds].sort((a, b) => a - b)) await lockSessionDay(trx, office.id, id, opts.date);
      const row = await insertOfficeClosure(trx, { officeId: office.id, date: opts.date, reason: opts.reason, at: now.toISOString(), userId: opts.admin.userId });
      await recordAudit(trx, {
        at: now.toISOString(),
        officeId: office.id,
        userId: opts.admin.userId,
        username: opts.admin.username,
        action: 'closure.add',
        subject: opts.date,
        before: null,
        after: { date: opts.date, reason: opts.reason, kind: 'office_closure' },
      });
      return row;
    });
  } catch (error) {
    // Two admins closing the same day at once: the second finds it closed.
    if (ctx.storage.engine.isUniqueViolation(error, UNIQUE_CLOSED_DAY)) throw new DomainError('ALREADY_CLOSED', { date: opts.date, kind: 'office_closure' });
    throw error;
  }
  for (const s of day.sessions) await ctx.events.publish({ officeId: office.id, type: 'availability', payload: { date: opts.date, sessionId: s.id } });

  const moves = await moveBookingsOffClosedDay(ctx, office, { date: closure.date, reason: closure.reason });
  return { closure, ...moves };
}
