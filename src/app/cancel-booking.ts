import { type BookingView, findBookingById, insertBookingEvent, updateBookingStatus } from '../db/repositories/bookings.js';
import { DomainError } from '../domain/errors.js';
import type { AppContext } from './context.js';
import { findOwnedBooking } from './find-owned-booking.js';

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
  await db.transaction().execute(async (trx) => {
    // Conditional on the status seen above: a check-in racing the cancel wins or loses whole.
    const changed = await updateBookingStatus(trx, booking.id, 'booked', 'cancelled', at);
    if (!changed) throw new DomainError('NOT_ACTIVE', { status: 'changed' });
    await insertBookingEvent(trx, {
      booking_id: booking.id,
      office_id: booking.office_id,
      at,
      type: 'cancelled',
      from_status: 'booked',
      to_status: 'cancelled',
      user_id: null,
      counter_number: null,
      note: null,
    });
  });
  await ctx.events.publish({ officeId: booking.office_id, type: 'availability', payload: { date: booking.date, sessionId: booking.session_id } });
  const updated = await findBookingById(db, booking.id);
  if (!updated) throw new Error(`booking ${booking.id} vanished after cancel`);
  return updated;
}
