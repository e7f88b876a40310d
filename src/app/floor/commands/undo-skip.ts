import { findBookingById } from '../../../db/repositories/bookings.js';
import { lockCounter } from '../../../db/repositories/counters.js';
import { findCounterTicket, findLastSkip } from '../../../db/repositories/floor.js';
import { mayUndoSkip, undoSkipUntil } from '../../../domain/counter-work.js';
import { DomainError } from '../../../domain/errors.js';
import { officeClock } from '../../../domain/office-clock.js';
import { timeIn } from '../../../domain/local-date.js';
import type { BookingView } from '../../booking/read-models.js';
import { requireCounter } from '../../office/queries/find-counter.js';
import type { AppContext } from '../../shared/context.js';
import { applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { holdCounter } from '../counter-clerk.js';
import type { CounterTicketAction } from './act-on-counter-ticket.js';
import { counterBusy } from './call-next.js';

/**
 * Takes back the counter's latest skip, within a few minutes of it (UNDO_SKIP_MINUTES): the
 * person is called to this counter again, as if never skipped. Only while the counter is free
 * and the desk has not put the person back in line meanwhile.
 */
export async function undoSkip(ctx: AppContext, opts: CounterTicketAction): Promise<BookingView> {
  const db = ctx.storage.db;
  const { office, counter } = await requireCounter(ctx, opts);
  const now = ctx.now();
  await holdCounter(db, office, counter, opts.actor, now);
  const { today } = officeClock(office, now);
  const at = now.toISOString();
  const event = await db.transaction().execute(async (trx) => {
    await lockCounter(trx, counter.id);
    const holding = await findCounterTicket(trx, office.id, today, counter.number);
    if (holding) throw counterBusy(counter.number, holding);
    const skip = await findLastSkip(trx, office.id, today, counter.number);
    if (!skip) throw new DomainError('NOTHING_TO_UNDO', { counter: counter.number });
    const skippedAt = new Date(skip.at);
    if (!mayUndoSkip(skippedAt, now)) throw new DomainError('UNDO_SKIP_EXPIRED', { until: timeIn(office.timezone, undoSkipUntil(skippedAt)).replace(':', '.') });
    return applyLifecycleStep(trx, {
      type: 'skip_undone',
      bookingId: skip.bookingId,
      from: 'skipped',
      at,
      actor: opts.actor,
      counterNumber: counter.number,
      set: { counter_number: counter.number, called_at: at },
      where: { date: today },
    });
  });
  await publishTicketEvents(ctx, [event]);
  const ticket = await findBookingById(db, event.bookingId);
  if (!ticket) throw new Error(`booking ${event.bookingId} vanished`);
  return ticket;
}
