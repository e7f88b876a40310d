import { findBookingByCode } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../read-models.js';
import { normalizeBookingCode } from '../../../domain/booking-code.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../shared/context.js';

export interface GetBookingOptions {
  /** The booking code as typed: any case, with or without separators. */
  code: string;
}

/** The booking with that code, typed in any common way (lower case, dashes, spaces). */
export async function getBooking(ctx: AppContext, { code }: GetBookingOptions): Promise<BookingView> {
  const canonical = normalizeBookingCode(code);
  const booking = canonical ? await findBookingByCode(ctx.storage.db, canonical) : undefined;
  if (!booking) throw new DomainError('NOT_FOUND', { what: 'booking' });
  return booking;
}
