import { findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../../booking/read-models.js';
import { counterServiceIds, lockCounter } from '../../../db/repositories/counters.js';
import { findCounterTicket, listWaiting } from '../../../db/repositories/floor.js';
import type { Executor } from '../../../db/repositories/offices.js';
import type { CounterRow, OfficeRow } from '../../../db/schema.js';
import { leavesTransferredTicket } from '../../../domain/counter-work.js';
import { DomainError } from '../../../domain/errors.js';
import { callingOrder, isCallable, isPriorityGroup } from '../../../domain/queue-order.js';
import type { TicketEvent } from '../../../domain/ticket-status.js';
import type { AppContext } from '../../shared/context.js';
import { requireCounter } from '../../office/queries/find-counter.js';
import { officeClock } from '../../../domain/office-clock.js';
import { type Actor, applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { counterReach, holdCounter } from '../counter-clerk.js';
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
  await holdCounter(db, office, counter, opts.actor, now);
  const { today } = officeClock(office, now);
  // Checked again under the counter's lock below; this early answer spares the queue query.
  const current = await findCounterTicket(db, office.id, today, counter.number);
  if (current) throw counterBusy(counter.number, current);

  const event = await db.transaction().execute(async (trx) => {
    // A double submit or a second tab waits here for the first call to commit, then sees the counter busy.
    if ((await lockCounter(trx, counter.id)).paused) throw new DomainError('COUNTER_PAUSED', { counter: counter.number });
    const holding = await findCounterTicket(trx, office.id, today, counter.number);
    if (holding) throw counterBusy(counter.number, holding);
    return callNextLocked(trx, { office, counter, today, now, actor: opts.actor });
  });
  if (!event) return null;
  await publishTicketEvents(ctx, [event]);
  return (await findBookingById(db, event.bookingId)) ?? null;
}

/**
 * Calls the next person inside the caller's transaction, which already holds the counter's
 * lock and has seen it free: the one step call-next and finish-and-call-next share. A person
 * another counter claims meanwhile is passed over for the next one (the conditional update
 * changes no row; the transaction stays usable).
 */
export async function callNextLocked(
  trx: Executor,
  at: { office: OfficeRow; counter: CounterRow; today: string; now: Date; actor: Actor },
): Promise<TicketEvent | null> {
  const { office, counter, today, now } = at;
  const { nowTime } = officeClock(office, now);
  const services = await counterServiceIds(trx, counter.id);
  const waiting = await listWaiting(trx, office.id, today, services.length ? services : null);
  // A person this counter transferred goes to another counter serving their new service, while one is open.
  const reach = waiting.some((w) => w.transferred_from_counter === counter.number) ? await counterReach(trx, office, now) : [];
  const callable = waiting.filter((w) => !leavesTransferredTicket(reach, { serviceId: Number(w.service_id), transferredFrom: w.transferred_from_counter }, counter.number));
  // Someone checked in early waits for their session's start, whatever their place in the order.
  const ordered = callingOrder(
    callable
      .map((w) => ({ ...w, priority: w.priority && isPriorityGroup(w.priority) ? w.priority : null, sessionStart: w.session_start, checkedInAt: w.checked_in_at, callFrom: w.call_from }))
      .filter((w) => isCallable(w, nowTime)),
  );
  const iso = now.toISOString();
  for (const candidate of ordered) {
    try {
      const called = await applyLifecycleStep(trx, {
        type: 'called',
        bookingId: candidate.id,
        from: 'checked_in',
        at: iso,
        actor: at.actor,
        counterNumber: counter.number,
        set: { counter_number: counter.number, called_at: iso, transferred_from_counter: null },
        where: { date: today },
      });
      // The called person hears which counter; those now near the front hear their turn nears.
      await announceTurns(trx, { office, date: today, at: iso, called: { bookingId: candidate.id, counterNumber: counter.number } });
      return called;
    } catch (error) {
      // Another counter claimed this person between the read and the write: take the next.
      if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') continue;
      throw error;
    }
  }
  return null;
}

export function counterBusy(counter: number, current: BookingView): DomainError {
  return new DomainError('COUNTER_BUSY', { counter, queueNumber: current.queue_number, status: current.status });
}
