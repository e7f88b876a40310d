import { findBookingById } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../read-models.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../shared/context.js';
import { findOwnedBooking } from '../queries/find-owned-booking.js';
import { applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';

export interface CancelBookingOptions {
  code: string;
  /** The NIK the booking was made with: the proof that the caller owns it. */
  nik: string;
}

/** Cancels a booking that has not been used yet; its place is free again at once. */
export async function cancelBooking(ctx: AppContext, opts: CancelBookingOptions): Promise<BookingView> {
  const db = ctx.storage.db;
  const booking = await findOwnedBooking(db, opts.code, opts.nik);
  if (booking.status !== 'booked') throw new DomainError('NOT_ACTIVE', { status: booking.status });
  const at = ctx.now().toISOString();
  // Conditional on the status seen above: a check-in racing the cancel wins or loses whole.
  const event = await db.transaction().execute((trx) =>
    applyLifecycleStep(trx, { type: 'cancelled', bookingId: booking.id, from: 'booked', at, actor: null, missed: 'NOT_ACTIVE' }),
  );
  await publishTicketEvents(ctx, [event]);
  const updated = await findBookingById(db, booking.id);
  if (!updated) throw new Error(`booking ${booking.id} vanished after cancel`);
  return updated;
}
