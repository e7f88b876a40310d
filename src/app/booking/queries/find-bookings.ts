import type { BookingView } from '../read-models.js';
import { searchBookings } from '../../../db/repositories/floor.js';
import { normalizeBookingCode } from '../../../domain/booking-code.js';
import { parseNik } from '../../../domain/nik.js';
import { officeClock } from '../../../domain/office-clock.js';
import { readQueueNumber } from '../../../domain/queue-number.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { recordStaffReads, type StaffReader } from '../../privacy/staff-reads.js';

export interface FindBookingsOptions {
  officeSlug: string;
  /** What the desk typed: a booking code, a NIK, a queue number or part of a name. */
  query: string;
  /** How many to return at most (default 20). */
  limit?: number;
  /** The staff member searching: what they see is recorded as a read of personal data. */
  reader?: StaffReader;
}

/** What a search found, and whether more matched than it shows. */
export interface FoundBookings {
  bookings: BookingView[];
  more: boolean;
}

/**
 * Finds bookings by what the person at the desk can say: a booking code, a NIK, the queue
 * number on their slip, or part of a name. The query is read as a code first, then as a NIK,
 * then as a queue number, then as a name. Today's bookings come first, then upcoming, then past.
 */
export async function findBookings(ctx: AppContext, opts: FindBookingsOptions): Promise<FoundBookings> {
  const found = await search(ctx, opts);
  await recordStaffReads(ctx, opts.reader, found.bookings, 'desk_search');
  return found;
}

async function search(ctx: AppContext, { officeSlug, query, limit = 20 }: FindBookingsOptions): Promise<FoundBookings> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, officeSlug);
  const { today } = officeClock(office, ctx.now());
  const q = query.trim();
  const code = normalizeBookingCode(q);
  if (code) {
    const found = await searchBookings(db, office.id, { code }, today, limit);
    if (found.bookings.length) return found;
  }
  const nik = parseNik(q);
  if (nik.ok) return searchBookings(db, office.id, { nik: nik.value.nik }, today, limit);
  const queueNumber = readQueueNumber(q);
  if (queueNumber) return searchBookings(db, office.id, { queueNumber }, today, limit);
  if (/^\d+$/.test(q.replace(/[\s.\-]/g, ''))) return { bookings: [], more: false };
  return q.length >= 2 ? searchBookings(db, office.id, { name: q }, today, limit) : { bookings: [], more: false };
}
