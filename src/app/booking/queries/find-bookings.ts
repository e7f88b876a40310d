import type { BookingView } from '../read-models.js';
import { searchBookings } from '../../../db/repositories/floor.js';
import { normalizeBookingCode } from '../../../domain/booking-code.js';
import { parseNik } from '../../../domain/nik.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';

export interface FindBookingsOptions {
  officeSlug: string;
  /** What the desk typed: a booking code, a NIK or part of a name. */
  query: string;
}

/**
 * Finds bookings by what the person at the desk can say: a booking code, a NIK, or part of a
 * name. The query is read as a code first, then as a NIK, then as a name.
 */
export async function findBookings(ctx: AppContext, { officeSlug, query }: FindBookingsOptions): Promise<BookingView[]> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, officeSlug);
  const q = query.trim();
  const code = normalizeBookingCode(q);
  if (code) {
    const found = await searchBookings(db, office.id, { code });
    if (found.length) return found;
  }
  const nik = parseNik(q);
  if (nik.ok) return searchBookings(db, office.id, { nik: nik.value.nik });
  if (/^\d+$/.test(q.replace(/[\s.\-]/g, ''))) return [];
  return q.length >= 2 ? searchBookings(db, office.id, { name: q }) : [];
}
