import { timingSafeEqual } from 'node:crypto';
import { findBookingByCode } from '../../../db/repositories/bookings.js';
import type { BookingView } from '../read-models.js';
import type { Executor } from '../../../db/repositories/offices.js';
import { returnOwnerCheckAttempt, takeOwnerCheckAttempt } from '../../../db/repositories/owner-checks.js';
import { normalizeBookingCode } from '../../../domain/booking-code.js';
import { DomainError } from '../../../domain/errors.js';
import { parseNik } from '../../../domain/nik.js';

/**
 * Wrong NIKs a booking's code takes before its owner check locks for good. A NIK's first 12
 * digits follow from a region and a birth date, so a few guesses more would find many owners;
 * a locked owner goes to the desk, whose routes do not use this check.
 */
export const OWNER_CHECK_MAX_FAILURES = 5;

/**
 * The booking with that code when the NIK is the one it was made with. An unknown code and a
 * wrong NIK give the same answer, so the form cannot be used to probe which codes exist.
 * Wrong NIKs are counted in the database, so pass the database, never a transaction whose
 * rollback would forget them.
 */
export async function findOwnedBooking(db: Executor, code: string, nik: string): Promise<BookingView> {
  const canonical = normalizeBookingCode(code);
  const booking = canonical ? await findBookingByCode(db, canonical) : undefined;
  if (!booking) throw new DomainError('NOT_FOUND', { what: 'booking_for_nik' });
  // The attempt is taken before comparing: even the right NIK is refused once the code is locked.
  if (!(await takeOwnerCheckAttempt(db, booking.id, OWNER_CHECK_MAX_FAILURES))) throw new DomainError('OWNER_CHECK_LOCKED');
  const parsed = parseNik(nik);
  const typed = Buffer.from(parsed.ok ? parsed.value.nik : '');
  const stored = Buffer.from(booking.nik);
  const same = typed.length > 0 && typed.length === stored.length && timingSafeEqual(typed, stored);
  if (!same) throw new DomainError('NOT_FOUND', { what: 'booking_for_nik' });
  await returnOwnerCheckAttempt(db, booking.id);
  return booking;
}
