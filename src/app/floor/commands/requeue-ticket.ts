import { findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../../booking/read-models.js';
import { DomainError } from '../../../domain/errors.js';
import { mayRequeue, REQUEUE_LIMIT } from '../../../domain/requeue-limit.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { getBooking } from '../../booking/queries/get-booking.js';
import { officeClock } from '../../../domain/office-clock.js';
import { type Actor, applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';
import { announceTurns } from '../../notify/commands/announce-turns.js';

export interface RequeueTicketOptions {
  officeSlug: string;
  /** The skipped ticket's booking code. */
  code: string;
  /** The desk member who puts the person back in line. */
  actor: Actor;
}

/** The desk puts a skipped person back in line, once per ticket and only on its own day. */
export async function requeueTicket(ctx: AppContext, opts: RequeueTicketOptions): Promise<BookingView> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const ticket = await getBooking(ctx, { code: opts.code });
  if (ticket.office_id !== office.id) throw new DomainError('NOT_FOUND', { what: 'booking' });
  if (ticket.status !== 'skipped') throw new DomainError('INVALID_TRANSITION', { from: ticket.status, to: 'checked_in' });
  const now = ctx.now();
  const { today } = officeClock(office, now);
  if (ticket.date !== today) throw new DomainError('WRONG_DAY', { date: ticket.date });
  if (!mayRequeue(ticket.requeue_count)) throw new DomainError('REQUEUE_LIMIT');
  const at = now.toISOString();
  // The count is checked in the same statement that puts the ticket back: two desks pressing at once requeue it once.
  const event = await db.transaction().execute(async (trx) => {
    const requeued = await applyLifecycleStep(trx, {
      type: 'requeued',
      bookingId: ticket.id,
      from: 'skipped',
      at,
      actor: opts.actor,
      set: { counter_number: null, checked_in_at: at, countRequeue: true },
      where: { requeuedFewerThan: REQUEUE_LIMIT, date: today },
      missed: 'REQUEUE_LIMIT',
    });
    await announceTurns(trx, { office, date: today, at });
    return requeued;
  });
  await publishTicketEvents(ctx, [event]);
  const updated = await findBookingById(db, ticket.id);
  if (!updated) throw new Error(`booking ${ticket.id} vanished`);
  return updated;
}
