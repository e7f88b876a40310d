import { listSessions } from '../db/repositories/catalogue.js';
import { listOverdue } from '../db/repositories/floor.js';
import { listOffices } from '../db/repositories/offices.js';
import type { OfficeRow } from '../db/schema.js';
import { DomainError } from '../domain/errors.js';
import { minutesOfDay } from '../domain/local-date.js';
import type { TicketStatus } from '../domain/ticket-status.js';
import type { AppContext } from './context.js';
import { announceFloor } from './floor-events.js';
import { officeClock } from './office-calendar.js';
import { recordTransition } from './record-transition.js';

/**
 * Closes the office's past days: every ticket still waiting from an earlier day becomes a
 * no-show, and so does every booking of today never checked in once today's last check-in
 * window has shut. Safe to run often and from several processes: each change is conditional.
 */
export async function closeDay(ctx: AppContext, office: OfficeRow): Promise<number> {
  const db = ctx.storage.db;
  const now = ctx.now();
  const clock = officeClock(office, now);
  const sessions = await listSessions(db, office.id);
  const lastEnd = Math.max(0, ...sessions.map((s) => minutesOfDay(s.end_time)));
  const todayIsOver = minutesOfDay(clock.nowTime) > lastEnd + office.check_in_after_minutes;
  const overdue = await listOverdue(db, office.id, clock.today, todayIsOver);
  const at = now.toISOString();
  let closed = 0;
  for (const ticket of overdue) {
    try {
      await db.transaction().execute((trx) =>
        recordTransition(trx, {
          bookingId: ticket.id,
          officeId: office.id,
          from: ticket.status as TicketStatus,
          to: 'no_show',
          type: 'no_show',
          at,
          actor: null,
        }),
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
  for (const office of await listOffices(ctx.storage.db)) total += await closeDay(ctx, office);
  return total;
}
