import { timingSafeEqual } from 'node:crypto';
import { listActiveBookingsOfNik } from '../../../db/repositories/bookings.js';
import { returnOwnerCheckAttempt, takeOwnerCheckAttempt } from '../../../db/repositories/owner-checks.js';
import { DomainError } from '../../../domain/errors.js';
import { parseNik } from '../../../domain/nik.js';
import { normalizeMobilePhone } from '../../../domain/phone.js';
import type { AppContext } from '../../shared/context.js';
import type { BookingView } from '../read-models.js';
import { OWNER_CHECK_MAX_FAILURES } from './find-owned-booking.js';

export interface RecoverBookingsOptions {
  /** The NIK the bookings were made with, in any spacing. */
  nik: string;
  /** The phone they were made with, in any common form (`08…`, `+62…`, `62…`). */
  phone: string;
}

/** The same refusal for an unknown NIK and a wrong phone, so the form cannot tell which NIKs hold bookings. */
const NOT_FOUND = () => new DomainError('NOT_FOUND', { what: 'booking_for_nik_phone' });

function sameDigits(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The active bookings of a NIK whose phone is the one given: how a citizen who lost the code
 * finds it again. Both must match. A wrong phone counts as a wrong owner check against each
 * of the NIK's bookings (the same count and lock as a wrong NIK against a code), so a known
 * NIK cannot be tried against every phone number; a locked booking is found only at the desk.
 */
export async function recoverBookings(ctx: AppContext, opts: RecoverBookingsOptions): Promise<BookingView[]> {
  const nik = parseNik(opts.nik);
  const phone = normalizeMobilePhone(opts.phone);
  if (!nik.ok || phone === null) throw NOT_FOUND();
  // The database, never a transaction: wrong tries must be counted even when the answer is a refusal.
  const db = ctx.storage.db;
  const bookings = await listActiveBookingsOfNik(db, nik.value.nik);
  if (bookings.length === 0) throw NOT_FOUND();
  // Attempts are taken before comparing: once a booking is locked even the right phone is refused.
  const allowed = [];
  for (const b of bookings) if (await takeOwnerCheckAttempt(db, b.id, OWNER_CHECK_MAX_FAILURES)) allowed.push(b);
  const matching = allowed.filter((b) => sameDigits(phone, b.phone ?? ''));
  for (const b of matching) await returnOwnerCheckAttempt(db, b.id);
  if (matching.length > 0) return matching;
  if (allowed.length < bookings.length) throw new DomainError('OWNER_CHECK_LOCKED', { what: 'recovery' });
  throw NOT_FOUND();
}
