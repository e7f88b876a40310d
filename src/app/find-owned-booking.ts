import { timingSafeEqual } from 'node:crypto';
import { type BookingView, findBookingByCode } from '../db/repositories/bookings.js';
import type { Executor } from '../db/repositories/offices.js';
import { normalizeBookingCode } from '../domain/booking-code.js';
import { DomainError } from '../domain/errors.js';
import { parseNik } from '../domain/nik.js';

/**
 * The booking with that code when the NIK is the one it was made with. An unknown code and a
 * wrong NIK give the same answer, so the form cannot be used to probe which codes exist.
 */
export async function findOwnedBooking(db: Executor, code: string, nik: string): Promise<BookingView> {
  const canonical = normalizeBookingCode(code);
  const booking = canonical ? await findBookingByCode(db, canonical) : undefined;
  const parsed = parseNik(nik);
  const typed = Buffer.from(parsed.ok ? parsed.value.nik : '');
  const stored = Buffer.from(booking?.nik ?? '');
  const same = typed.length > 0 && typed.length === stored.length && timingSafeEqual(typed, stored);
  if (!booking || !same) throw new DomainError('NOT_FOUND', { what: 'booking_for_nik' });
  return booking;
}
