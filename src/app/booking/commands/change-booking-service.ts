import { recordAudit } from '../../../db/repositories/audit.js';
import { changeBookingDetails, findBookingById } from '../../../db/repositories/bookings.js';
import { findServiceByCode } from '../../../db/repositories/catalogue.js';
import type { BookingView } from '../read-models.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import type { AppContext } from '../../shared/context.js';
import { announceBookingChange, type NamedActor } from '../../shared/ticket-lifecycle.js';
import { findChangeableBooking } from '../queries/find-changeable-booking.js';

export interface ChangeBookingServiceOptions {
  officeSlug: string;
  code: string;
  /** The code of the office's service the person actually needs. */
  serviceCode: string;
  actor: NamedActor;
}

/**
 * The desk changes what a booking is for (the person booked KTP-el but needs Kartu Keluarga),
 * keeping its day, session and number: places are per session, not per service. Only before
 * the person is called; recorded in the audit log with the clerk's name.
 */
export async function changeBookingService(ctx: AppContext, opts: ChangeBookingServiceOptions): Promise<BookingView> {
  const db = ctx.storage.db;
  const booking = await findChangeableBooking(ctx, opts.code, { desk: { officeSlug: opts.officeSlug, actor: { userId: opts.actor.userId } } });
  const service = await findServiceByCode(db, booking.office_id, opts.serviceCode);
  if (!service) throw new InvalidInputError([{ field: 'service', problem: 'UNKNOWN_SERVICE' }]);
  if (booking.status !== 'booked' && booking.status !== 'checked_in') throw new DomainError('NOT_ACTIVE', { status: booking.status });
  if (booking.service_id === service.id) return booking;
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const changed = await changeBookingDetails(trx, booking.id, { statuses: ['booked', 'checked_in'], at, set: { service_id: service.id } });
    if (!changed) throw new DomainError('NOT_ACTIVE', { status: 'changed_meanwhile' });
    await recordAudit(trx, {
      at,
      officeId: booking.office_id,
      userId: opts.actor.userId,
      username: opts.actor.username,
      action: 'booking.service',
      subject: booking.code,
      before: { queueNumber: booking.queue_number, service: booking.service_code },
      after: { queueNumber: booking.queue_number, service: service.code },
    });
  });
  // The counters' lines are per service: a waiting person changes line (and the desk's list shows the service).
  await announceBookingChange(ctx, { officeId: booking.office_id, dates: [booking.date], queueNumber: booking.queue_number });
  const updated = await findBookingById(db, booking.id);
  if (!updated) throw new Error(`booking ${booking.id} vanished`);
  return updated;
}
