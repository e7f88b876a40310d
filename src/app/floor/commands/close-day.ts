import { listOverdue } from '../../../db/repositories/floor.js';
import { listOffices } from '../../../db/repositories/offices.js';
import { bookedSessionEnds } from '../../../db/repositories/schedule.js';
import { loadSessionsByDate } from '../../office/queries/sessions-by-date.js';
import type { OfficeRow } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import { isDayOver } from '../../../domain/day-end.js';
import { dayEndEvent } from '../../../domain/ticket-status.js';
import type { AppContext } from '../../shared/context.js';
import { announceFloor } from '../floor-events.js';
import { officeClock } from '../../../domain/office-clock.js';
import { applyLifecycleStep } from '../../shared/ticket-lifecycle.js';

export interface CloseDayOptions {
  /** The office whose ended day is closed. */
  office: OfficeRow;
}

/**
 * Closes the office's past days by the day-end rule: a ticket still being served is done
 * (note `closed_at_day_end`), every other ticket still waiting or called from an earlier day
 * is a no-show, and so is every booking of today never checked in once today's last check-in
 * window has shut. Safe to run often and from several processes: each change is conditional.
 */
export async function closeDay(ctx: AppContext, { office }: CloseDayOptions): Promise<number> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const clock = officeClock(office, now);
  // Today's sessions by the schedule, and any later one that bookings kept after a change.
  const [sessionsOn, keptEnds] = await Promise.all([loadSessionsByDate(db, office.id, clock.today, clock.today), bookedSessionEnds(db, office.id, clock.today)]);
  const sessionEnds = [...sessionsOn(clock.today).map((s) => s.end), ...keptEnds];
  const todayIsOver = isDayOver({ nowTime: clock.nowTime, sessionEnds, checkInAfterMinutes: office.check_in_after_minutes });
  const overdue = await listOverdue(db, office.id, clock.today, todayIsOver);
  const at = now.toISOString();
  let closed = 0;
  for (const ticket of overdue) {
    const end = dayEndEvent(ticket.status);
    if (!end) continue;
    try {
      await db.transaction().execute((trx) =>
        applyLifecycleStep(trx, { type: end.type, bookingId: ticket.id, from: ticket.status, at, actor: null, note: end.note }),
      );
      closed++;
    } catch (error) {
      // Another process closed it, or staff acted on it meanwhile: nothing to do.
      if (!(error instanceof DomainError)) throw error;
    }
  }
  if (closed) await announceFloor(ctx, office.id, { kind: 'closed_day' });
  return closed;
}

/** Closes past days at every office; what the server's timer and the CLI run. */
export async function closeDaysEverywhere(ctx: AppContext): Promise<number> {
  let total = 0;
  for (const office of await listOffices(ctx.storage.db)) total += await closeDay(ctx, { office });
  return total;
}
