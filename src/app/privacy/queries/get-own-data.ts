import { listBookingHistory, listBookingMessages, listPersonalDataAccess } from '../../../db/repositories/personal-data.js';
import type { OfficeRow } from '../../../db/schema.js';
import { erasureDate } from '../../../domain/retention.js';
import type { BookingView } from '../../booking/read-models.js';
import { findOwnedBooking } from '../../booking/queries/find-owned-booking.js';
import { requireOffice } from '../../office/queries/find-office.js';
import type { AppContext } from '../../shared/context.js';

/** A staff read of the booking as its owner sees it: when, for what, and the reader's role, never their name. */
export interface OwnDataRead {
  at: string;
  action: string;
  role: string;
}

/** Everything kept about one booking, for the person who made it. */
export interface OwnData {
  booking: BookingView;
  office: OfficeRow;
  /** The messages written to them, with recipient and words as kept. */
  messages: Awaited<ReturnType<typeof listBookingMessages>>;
  /** What happened to the ticket and when. */
  history: Awaited<ReturnType<typeof listBookingHistory>>;
  /** When staff looked at their personal data. */
  staffReads: OwnDataRead[];
  /** The day the retention job erases it at the latest (`YYYY-MM-DD`, the office's calendar). */
  erasedBy: string;
}

/** Most staff reads listed: a booking is looked at a few times a day at most. */
const READS_SHOWN = 200;

/** Everything kept about a booking, for its owner proven by the NIK (the owner check, wrong NIKs counted). */
export async function getOwnData(ctx: AppContext, opts: { code: string; nik: string }): Promise<OwnData> {
  const db = ctx.storage.db;
  const booking = await findOwnedBooking(db, opts.code, opts.nik);
  const office = await requireOffice(db, booking.office_slug);
  const [messages, history, reads] = await Promise.all([
    listBookingMessages(db, booking.id),
    listBookingHistory(db, booking.id),
    listPersonalDataAccess(db, { officeId: office.id, bookingId: booking.id, limit: READS_SHOWN }),
  ]);
  return {
    booking,
    office,
    messages,
    history,
    staffReads: reads.map((r) => ({ at: r.at, action: r.action, role: r.role })),
    erasedBy: erasureDate(booking.date, Number(office.retention_days)),
  };
}
