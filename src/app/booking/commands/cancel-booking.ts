import { findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../read-models.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../shared/context.js';
import { type BookingHolder, findChangeableBooking } from '../queries/find-changeable-booking.js';
import { applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';

/** The booking's code, and its owner's NIK (the proof that the caller owns it) or the desk acting for them. */
export type CancelBookingOptions = { code: string } & BookingHolder;

/** Cancels a booking that has not been used yet; its place is free again at once. The desk's cancel records the clerk. */
export async function cancelBooking(ctx: AppContext, opts: CancelBookingOptions): Promise<BookingView> {
  const db = ctx.storage.db;
  const booking = await findChangeableBooking(ctx, opts.code, opts);
  if (booking.status !== 'booked') throw new DomainError('NOT_ACTIVE', { status: booking.status });
  const at = ctx.now().toISOString();
  // Conditional on the status seen above: a check-in racing the cancel wins or loses whole.
  const event = await db.transaction().execute((trx) =>
    applyLifecycleStep(trx, { type: 'cancelled', bookingId: booking.id, from: 'booked', at, actor: opts.desk?.actor ?? null, missed: 'NOT_ACTIVE' }),
  );
  await publishTicketEvents(ctx, [event]);
  const updated = await findBookingById(db, booking.id);
  if (!updated) throw new Error(`booking ${booking.id} vanished after cancel`);
  return updated;
}
