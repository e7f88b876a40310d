import { type BookingView, findBookingById, insertBookingEvent } from '../db/repositories/bookings.js';
import { counterServiceIds } from '../db/repositories/counters.js';
import { claimForCounter, findCounterTicket, listWaiting } from '../db/repositories/floor.js';
import { DomainError } from '../domain/errors.js';
import { callingOrder, isPriorityGroup } from '../domain/queue-order.js';
import type { AppContext } from './context.js';
import { requireCounter } from './find-counter.js';
import { announceFloor } from './floor-events.js';
import { officeClock } from './office-calendar.js';
import type { Actor } from './record-transition.js';

export interface CallNextOptions {
  officeSlug: string;
  counterNumber: number;
  actor: Actor;
}

/**
 * Calls the next waiting person to a counter: priority groups first, then the earlier
 * session, then arrival. Returns null when nobody waits for the counter's services.
 */
export async function callNext(ctx: AppContext, opts: CallNextOptions): Promise<BookingView | null> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts.officeSlug, opts.counterNumber);
  if (counter.paused) throw new DomainError('COUNTER_PAUSED', { counter: counter.number });
  const now = ctx.now();
  const { today } = officeClock(office, now);
  const current = await findCounterTicket(db, office.id, today, counter.number);
  if (current) throw new DomainError('COUNTER_BUSY', { counter: counter.number, queueNumber: current.queue_number, status: current.status });

  const services = await counterServiceIds(db, counter.id);
  const waiting = await listWaiting(db, office.id, today, services.length ? services : null);
  const ordered = callingOrder(
    waiting.map((w) => ({ ...w, priority: w.priority && isPriorityGroup(w.priority) ? w.priority : null, sessionStart: w.session_start, checkedInAt: w.checked_in_at })),
  );
  const at = now.toISOString();
  // Another counter may claim the same person between the read and the write; then take the next.
  for (const candidate of ordered) {
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await claimForCounter(trx, candidate.id, counter.number, at))) return false;
      await insertBookingEvent(trx, {
        booking_id: candidate.id,
        office_id: office.id,
        at,
        type: 'called',
        from_status: 'checked_in',
        to_status: 'called',
        user_id: opts.actor.userId,
        counter_number: counter.number,
        note: null,
      });
      return true;
    });
    if (!claimed) continue;
    const ticket = await findBookingById(db, candidate.id);
    if (!ticket) continue;
    await announceFloor(ctx, office.id, { kind: 'called', queueNumber: ticket.queue_number, counter: counter.number });
    return ticket;
  }
  return null;
}
