import { recordAudit } from '../../../db/repositories/audit.js';
import { changeBookingDetails, findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../../booking/read-models.js';
import { DomainError } from '../../../domain/errors.js';
import { officeClock } from '../../../domain/office-clock.js';
import type { PriorityGroup } from '../../../domain/queue-order.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { getBooking } from '../../booking/queries/get-booking.js';
import { announceFloor } from '../floor-events.js';
import type { NamedActor } from '../../shared/ticket-lifecycle.js';

export interface SetPriorityOptions {
  officeSlug: string;
  code: string;
  /** The priority group seen at the desk; null takes a priority given by mistake away. */
  priority: PriorityGroup | null;
  actor: NamedActor;
}

/**
 * The desk marks a priority group after check-in (the elderly person was seen only once they
 * sat down): only while the person still waits today, so the next call already honours it.
 * Recorded in the audit log with the clerk's name.
 */
export async function setPriority(ctx: AppContext, opts: SetPriorityOptions): Promise<BookingView> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const ticket = await getBooking(ctx, { code: opts.code });
  if (ticket.office_id !== office.id) throw new DomainError('NOT_FOUND', { what: 'booking' });
  const now = ctx.now();
  const { today } = officeClock(office, now);
  if (ticket.date !== today) throw new DomainError('WRONG_DAY', { date: ticket.date });
  if (ticket.status !== 'checked_in') throw new DomainError('NOT_ACTIVE', { status: ticket.status });
  if ((ticket.priority ?? null) === opts.priority) return ticket;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    // A counter calling the person meanwhile wins: the priority no longer matters then.
    const changed = await changeBookingDetails(trx, ticket.id, { statuses: ['checked_in'], at, set: { priority: opts.priority } });
    if (!changed) throw new DomainError('NOT_ACTIVE', { status: 'called' });
    await recordAudit(trx, {
      at,
      officeId: office.id,
      userId: opts.actor.userId,
      username: opts.actor.username,
      action: 'ticket.priority',
      subject: ticket.code,
      before: { queueNumber: ticket.queue_number, priority: ticket.priority },
      after: { queueNumber: ticket.queue_number, priority: opts.priority },
    });
  });
  await announceFloor(ctx, office.id, { kind: 'ticket_changed', queueNumber: ticket.queue_number });
  const updated = await findBookingById(db, ticket.id);
  if (!updated) throw new Error(`booking ${ticket.id} vanished`);
  return updated;
}
