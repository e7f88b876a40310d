import { findBookingById } from '../../../db/repositories/bookings.js';
import { erasePersonalData, forgetUnreachablePhonesOf } from '../../../db/repositories/personal-data.js';
import { DomainError } from '../../../domain/errors.js';
import { findOwnedBooking } from '../../booking/queries/find-owned-booking.js';
import type { AppContext } from '../../shared/context.js';
import { applyLifecycleStep, publishTicketEvents } from '../../shared/ticket-lifecycle.js';

/** What an erasure did. */
export interface ErasedData {
  code: string;
  /** Whether a future booking was cancelled with it (its place is free again). */
  cancelled: boolean;
}

/**
 * Erases a booking's personal data at its owner's request (proven by the NIK), at once: a
 * booking still ahead is cancelled first through the ticket lifecycle, its cancellation
 * message given up with the rest, since the address it would go to is erased. A ticket on the
 * floor today (checked in, called, being served) is refused until the visit ends.
 */
export async function eraseOwnData(ctx: AppContext, opts: { code: string; nik: string }): Promise<ErasedData> {
  const db = ctx.storage.db;
  const booking = await findOwnedBooking(db, opts.code, opts.nik);
  if (booking.status !== 'booked' && ['checked_in', 'called', 'serving', 'skipped'].includes(booking.status)) {
    throw new DomainError('VISIT_IN_PROGRESS');
  }
  const at = ctx.now().toISOString();
  const events = await db.transaction().execute(async (trx) => {
    const current = await findBookingById(trx, booking.id);
    if (!current || current.personal_data_erased_at) throw new DomainError('NOT_FOUND', { what: 'booking_for_nik' });
    const done = current.status === 'booked' ? [await applyLifecycleStep(trx, { type: 'cancelled', bookingId: current.id, from: 'booked', at, actor: null, missed: 'VISIT_IN_PROGRESS' })] : [];
    await forgetUnreachablePhonesOf(trx, [current.id]);
    await erasePersonalData(trx, [current.id], at);
    return done;
  });
  await publishTicketEvents(ctx, events);
  await ctx.storage.engine.flushErasedPages(ctx.storage.db);
  return { code: booking.code, cancelled: events.length > 0 };
}
