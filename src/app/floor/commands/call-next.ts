import { findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../../booking/read-models.js';
import { counterServiceIds, lockCounter } from '../../../db/repositories/counters.js';
import { findCounterTicket, listWaiting } from '../../../db/repositories/floor.js';
import { DomainError } from '../../../domain/errors.js';
import { callingOrder, isCallable, isPriorityGroup } from '../../../domain/queue-order.js';
import type { AppContext } from '../../shared/context.js';
import { requireCounter } from '../../office/queries/find-counter.js';
import { officeClock } from '../../../domain/office-clock.js';
import { type Actor, applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { announceTurns } from '../../notify/commands/announce-turns.js';

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
  const { office, counter } = await requireCounter(ctx, opts);
  if (counter.paused) throw new DomainError('COUNTER_PAUSED', { counter: counter.number });
  const now = ctx.now();
  const { today, nowTime } = officeClock(office, now);
  // Checked again under the counter's lock below; this early answer spares the queue query.
  const current = await findCounterTicket(db, office.id, today, counter.number);
  if (current) throw counterBusy(counter.number, current);

  const services = await counterServiceIds(db, counter.id);
  const waiting = await listWaiting(db, office.id, today, services.length ? services : null);
  // Someone checked in early waits for their session's start, whatever their place in the order.
  const ordered = callingOrder(
    waiting
      .map((w) => ({ ...w, priority: w.priority && isPriorityGroup(w.priority) ? w.priority : null, sessionStart: w.session_start, checkedInAt: w.checked_in_at, callFrom: w.call_from }))
      .filter((w) => isCallable(w, nowTime)),
  );
  const at = now.toISOString();
  for (const candidate of ordered) {
    const event = await db.transaction().execute(async (trx) => {
      // A double submit or a second tab waits here for the first call to commit, then sees the counter busy.
      if ((await lockCounter(trx, counter.id)).paused) throw new DomainError('COUNTER_PAUSED', { counter: counter.number });
      const holding = await findCounterTicket(trx, office.id, today, counter.number);
      if (holding) throw counterBusy(counter.number, holding);
      try {
        const called = await applyLifecycleStep(trx, {
          type: 'called',
          bookingId: candidate.id,
          from: 'checked_in',
          at,
          actor: opts.actor,
          counterNumber: counter.number,
          set: { counter_number: counter.number, called_at: at },
          where: { date: today },
        });
        // The called person hears which counter; those now near the front hear their turn nears.
        await announceTurns(trx, { office, date: today, at, called: { bookingId: candidate.id, counterNumber: counter.number } });
        return called;
      } catch (error) {
        // Another counter claimed this person between the read and the write: take the next.
        if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') return null;
        throw error;
      }
    });
    if (!event) continue;
    await publishTicketEvents(ctx, [event]);
    const ticket = await findBookingById(db, candidate.id);
    if (ticket) return ticket;
  }
  return null;
}

function counterBusy(counter: number, current: BookingView): DomainError {
  return new DomainError('COUNTER_BUSY', { counter, queueNumber: current.queue_number, status: current.status });
}
