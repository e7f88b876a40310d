import { type BookingView, findBookingById, insertBookingEvent } from '../db/repositories/bookings.js';
import { requeueSkipped } from '../db/repositories/floor.js';
import { DomainError } from '../domain/errors.js';
import type { AppContext } from './context.js';
import { requireOffice } from './find-office.js';
import { announceFloor } from './floor-events.js';
import { getBooking } from './get-booking.js';
import { officeClock } from './office-calendar.js';
import type { Actor } from './record-transition.js';

/** The desk puts a skipped person back in line, once per ticket and only on its own day. */
export async function requeueTicket(ctx: AppContext, opts: { officeSlug: string; code: string; actor: Actor }): Promise<BookingView> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const ticket = await getBooking(ctx, opts.code);
  if (ticket.office_id !== office.id) throw new DomainError('NOT_FOUND', { what: 'booking' });
  if (ticket.status !== 'skipped') throw new DomainError('INVALID_TRANSITION', { from: ticket.status, to: 'checked_in' });
  const now = ctx.now();
  if (ticket.date !== officeClock(office, now).today) throw new DomainError('WRONG_DAY', { date: ticket.date });
  if (ticket.requeue_count >= 1) throw new DomainError('REQUEUE_LIMIT');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await requeueSkipped(trx, ticket.id, at))) throw new DomainError('REQUEUE_LIMIT');
    await insertBookingEvent(trx, {
      booking_id: ticket.id,
      office_id: office.id,
      at,
      type: 'requeued',
      from_status: 'skipped',
      to_status: 'checked_in',
      user_id: opts.actor.userId,
      counter_number: null,
      note: null,
    });
  });
  await announceFloor(ctx, office.id, { kind: 'requeued', queueNumber: ticket.queue_number });
  const updated = await findBookingById(db, ticket.id);
  if (!updated) throw new Error(`booking ${ticket.id} vanished`);
  return updated;
}
