import { findBookingById } from '../../../db/repositories/bookings.js';
import { lockCounter } from '../../../db/repositories/counters.js';
import { findCounterTicket } from '../../../db/repositories/floor.js';
import type { FinishOutcome } from '../../../domain/counter-work.js';
import { DomainError } from '../../../domain/errors.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { BookingView } from '../../booking/read-models.js';
import { requireCounter } from '../../office/queries/find-counter.js';
import type { AppContext } from '../../shared/context.js';
import { applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { holdCounter } from '../counter-clerk.js';
import type { CounterTicketAction } from './act-on-counter-ticket.js';
import { callNextLocked } from './call-next.js';

export interface FinishAndCallNextOptions extends CounterTicketAction {
  /** How the visit being finished ended (default served). */
  outcome?: FinishOutcome | undefined;
}

/** The finished ticket and the one called next (null when nobody waits). */
export interface FinishAndCallNextResult {
  finished: BookingView;
  called: BookingView | null;
}

/**
 * "Selesai & panggil berikutnya": finishes the ticket the counter serves and calls the next
 * person in one transaction under the counter's lock, so no other press at this counter comes
 * between the two, and the finish is undone if the call fails for any reason but an empty line.
 */
export async function finishAndCallNext(ctx: AppContext, opts: FinishAndCallNextOptions): Promise<FinishAndCallNextResult> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts);
  const now = ctx.now();
  await holdCounter(db, office, counter, opts.actor, now);
  const { today } = officeClock(office, now);
  const at = now.toISOString();
  const events = await db.transaction().execute(async (trx) => {
    if ((await lockCounter(trx, counter.id)).paused) throw new DomainError('COUNTER_PAUSED', { counter: counter.number });
    const ticket = await findCounterTicket(trx, office.id, today, counter.number);
    if (!ticket) throw new DomainError('NO_CURRENT_TICKET', { counter: counter.number });
    if (ticket.status !== 'serving') throw new DomainError('INVALID_TRANSITION', { from: ticket.status, to: 'done' });
    const done = await applyLifecycleStep(trx, {
      type: 'done',
      bookingId: ticket.id,
      from: 'serving',
      at,
      actor: opts.actor,
      counterNumber: counter.number,
      outcome: opts.outcome ?? 'served',
      where: { counterNumber: counter.number, date: today },
    });
    const called = await callNextLocked(trx, { office, counter, today, now, actor: opts.actor });
    return { done, called };
  });
  await publishTicketEvents(ctx, events.called ? [events.done, events.called] : [events.done]);
  const finished = await findBookingById(db, events.done.bookingId);
  if (!finished) throw new Error(`booking ${events.done.bookingId} vanished`);
  return { finished, called: events.called ? ((await findBookingById(db, events.called.bookingId)) ?? null) : null };
}
