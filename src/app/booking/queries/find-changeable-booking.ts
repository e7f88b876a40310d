import type { BookingView } from '../read-models.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../shared/context.js';
import type { Actor } from '../../shared/ticket-lifecycle.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { getBooking } from './get-booking.js';
import { findOwnedBooking } from './find-owned-booking.js';

/** The desk acting for a citizen (who lost the code, or has no phone): the clerk and their office. */
export interface DeskHand {
  officeSlug: string;
  actor: Actor;
}

/**
 * Who may change a booking: its owner, proven by the NIK it was made with, or the desk of its
 * office, who sees the person and their KTP and is recorded as the actor.
 */
export type BookingHolder = { nik: string; desk?: undefined } | { desk: DeskHand; nik?: undefined };

/**
 * The booking to cancel or move. The owner's NIK check counts wrong NIKs; the desk needs no
 * NIK but only reaches its own office's bookings (another office's code reads as unknown).
 */
export async function findChangeableBooking(ctx: AppContext, code: string, holder: BookingHolder): Promise<BookingView> {
  const db = ctx.storage.db;
  if (!holder.desk) return findOwnedBooking(db, code, holder.nik);
  const office = await requireOffice(db, holder.desk.officeSlug);
  const booking = await getBooking(ctx, { code });
  if (booking.office_id !== office.id) throw new DomainError('NOT_FOUND', { what: 'booking' });
  return booking;
}
